package barista.inference;

import barista.inference.batching.BatchPolicy;
import barista.inference.runtime.ModelLoadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The optional {@code config.json} next to a model: what the model file cannot say about itself.
 * It lives in {@code models/<name>/} for every version, or in {@code models/<name>/<version>/}
 * for one version only (that one wins).
 *
 * <pre>{@code
 * {"description": "Iris species from flower measurements",
 *  "labels": ["setosa", "versicolor", "virginica"],
 *  "batching": {"maxBatchSize": 64, "maxQueueDelayMicros": 500, "maxQueue": 2048,
 *               "timeoutMillis": 1000, "workers": 1},
 *  "warmup": {"input": [[5.1, 3.5, 1.4, 0.2]]},
 *  "allowNonFinite": false, "threads": 1,
 *  "log": {"enabled": true, "sample": 0.1}}
 * }</pre>
 *
 * @param description    one line for the docs and the listing
 * @param labels         names of the first output's last dimension (class names), or empty
 * @param batching       the batch policy
 * @param warmup         inputs to run before the version is ready, as in a predict request's
 *                       {@code inputs}; {@code null} means zeros of one row
 * @param allowNonFinite accept NaN and infinities in float inputs (refused by default)
 * @param threads        ONNX Runtime threads per call
 * @param log            whether and how often this model's predictions go to the prediction log;
 *                       {@link LogSetting#INHERIT} follows the app's {@code barista.predictions.*}
 */
public record ModelConfig(String description, List<String> labels, BatchPolicy batching, JsonNode warmup,
                          boolean allowNonFinite, int threads, LogSetting log) {
    public static final ModelConfig DEFAULT = new ModelConfig(null, List.of(), BatchPolicy.DEFAULT, null, false, 1,
            LogSetting.INHERIT);

    /**
     * A model's prediction-log setting; a {@code null} field follows the app's setting.
     *
     * @param enabled whether predictions are logged at all
     * @param sample  the fraction logged, 0 to 1 (sampled at random per request)
     */
    public record LogSetting(Boolean enabled, Double sample) {
        public static final LogSetting INHERIT = new LogSetting(null, null);

        public LogSetting {
            if (sample != null && !(sample >= 0 && sample <= 1)) {
                throw new IllegalArgumentException("log.sample must be between 0 and 1, got " + sample);
            }
        }
    }

    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ModelConfig {
        labels = List.copyOf(labels);
        log = log == null ? LogSetting.INHERIT : log;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    public ModelConfig withBatching(BatchPolicy policy) {
        return new ModelConfig(description, labels, policy, warmup, allowNonFinite, threads, log);
    }

    public ModelConfig withLabels(List<String> names) {
        return new ModelConfig(description, names, batching, warmup, allowNonFinite, threads, log);
    }

    /**
     * The config for a version: its own {@code config.json} if it has one, else the model's,
     * else the defaults. A malformed file fails the load with the file and the reason named.
     */
    public static ModelConfig find(Path modelDir, Path versionDir) {
        Path own = versionDir.resolve("config.json");
        if (Files.isRegularFile(own)) {
            return read(own, modelDir.getFileName() + "/" + versionDir.getFileName() + "/config.json");
        }
        Path shared = modelDir.resolve("config.json");
        return Files.isRegularFile(shared) ? read(shared, modelDir.getFileName() + "/config.json") : DEFAULT;
    }

    /** Reads one {@code config.json}; unknown keys are errors, so a typo is not silently ignored. */
    public static ModelConfig read(Path file) {
        return read(file, file.toString());
    }

    /** Reads one {@code config.json}, naming it {@code origin} in errors. */
    static ModelConfig read(Path file, String origin) {
        try {
            return READER.readValue(file.toFile(), Raw.class).resolve();
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String where = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            throw new ModelLoadException("bad model config " + origin + ": " + (where.isEmpty() ? "" : where + ": ")
                    + e.getOriginalMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException("bad model config " + origin + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "unreadable" : nl < 0 ? s : s.substring(0, nl);
    }

    /** The file as written; absent keys take the defaults. */
    private record Raw(String description, List<String> labels, RawBatching batching, JsonNode warmup,
                       Boolean allowNonFinite, Integer threads, LogSetting log) {
        ModelConfig resolve() {
            BatchPolicy policy = batching == null ? BatchPolicy.DEFAULT : batching.resolve();
            return new ModelConfig(description, labels == null ? List.of() : labels, policy, warmup,
                    allowNonFinite != null && allowNonFinite, threads == null ? 1 : threads, log);
        }
    }

    private record RawBatching(Integer maxBatchSize, Long maxQueueDelayMicros, Integer maxQueue, Long timeoutMillis,
                               Integer workers) {
        BatchPolicy resolve() {
            BatchPolicy d = BatchPolicy.DEFAULT;
            return new BatchPolicy(
                    maxBatchSize == null ? d.maxBatchSize() : maxBatchSize,
                    maxQueueDelayMicros == null ? d.maxQueueDelay() : Duration.ofNanos(maxQueueDelayMicros * 1000),
                    maxQueue == null ? d.maxQueue() : maxQueue,
                    timeoutMillis == null ? d.timeout() : Duration.ofMillis(timeoutMillis),
                    workers == null ? d.workers() : workers);
        }
    }
}
