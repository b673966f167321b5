package barista.inference.log;

import barista.inference.Prediction;
import barista.inference.tensor.Tensor;
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

    static LogEntry of(String requestId, String principal, long latencyMicros, Map<String, Tensor> inputs,
                       Prediction prediction) {
        return new LogEntry(requestId, principal, System.currentTimeMillis(), latencyMicros, LogWriter.json(inputs),
                LogWriter.json(prediction.outputs()), prediction, new CompletableFuture<>());
    }
}
