package barista.demo.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a model server needs besides the graph, written as {@code <models>/<name>/config.json}
 * (shared by all versions of the model). The key names are a contract with the module that
 * reads the file; {@link #toJson()} writes exactly:
 *
 * <pre>{@code
 * {"description": "...", "labels": ["setosa", ...],
 *  "batching": {"maxBatchSize": 64, "maxQueueDelayMicros": 500, "maxQueue": 2048, "timeoutMillis": 1000},
 *  "warmup": {"input": [[5.1, 3.5, 1.4, 0.2]]}}
 * }</pre>
 *
 * @param labels       class names, in the order of the model's output columns
 * @param warmupInput  rows for the model's {@code input} to run once before serving; not copied,
 *                     so don't change it
 */
public record ModelConfig(String description, List<String> labels, Batching batching, float[][] warmupInput) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Dynamic micro-batching settings: up to {@code maxBatchSize} rows per call, waiting at most
     * {@code maxQueueDelayMicros} for a batch to fill, rejecting beyond {@code maxQueue} waiting
     * rows, and failing a request after {@code timeoutMillis}.
     */
    public record Batching(int maxBatchSize, int maxQueueDelayMicros, int maxQueue, int timeoutMillis) {
    }

    public ModelConfig {
        labels = List.copyOf(labels);
    }

    /** Pretty-printed JSON, keys in the order above, ending with a newline. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("description", description);
        ArrayNode names = root.putArray("labels");
        labels.forEach(names::add);
        ObjectNode b = root.putObject("batching");
        b.put("maxBatchSize", batching.maxBatchSize());
        b.put("maxQueueDelayMicros", batching.maxQueueDelayMicros());
        b.put("maxQueue", batching.maxQueue());
        b.put("timeoutMillis", batching.timeoutMillis());
        ArrayNode rows = root.putObject("warmup").putArray("input");
        for (float[] row : warmupInput) {
            ArrayNode values = rows.addArray();
            for (float v : row) {
                values.add(v);
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write config JSON", e);
        }
    }
}
