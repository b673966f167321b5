package barista.inference.log;

import barista.inference.Prediction;
import barista.inference.tensor.JsonTensors;
import barista.inference.tensor.Tensor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A prediction waiting to be written, its tensors already rendered as JSON by the thread that
 * made the prediction: the one writer thread is the log's bottleneck, so it only binds and
 * commits.
 *
 * @param committed completed once the entry's transaction committed, or failed with a 503
 */
record LogEntry(String requestId, String principal, long timeMillis, long latencyMicros, String inputJson,
                String outputJson, Prediction prediction, CompletableFuture<Void> committed) {
    private static final JsonFactory JSON = new JsonFactory();

    static LogEntry of(String requestId, String principal, long latencyMicros, Map<String, Tensor> inputs,
                       Prediction prediction) {
        return new LogEntry(requestId, principal, System.currentTimeMillis(), latencyMicros, json(inputs),
                json(prediction.outputs()), prediction, new CompletableFuture<>());
    }

    /** Named tensors as one JSON object of nested arrays. */
    private static String json(Map<String, Tensor> tensors) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, Tensor> t : tensors.entrySet()) {
                g.writeFieldName(t.getKey());
                JsonTensors.writeNested(t.getValue(), g);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
