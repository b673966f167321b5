package barista.inference.log;

import barista.inference.Prediction;
import barista.inference.tensor.Tensor;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A prediction waiting to be written. It holds the tensors themselves, not their JSON: the
 * writer thread renders them, so the request's thread (often the event loop or a batch worker)
 * pays nothing for the log's text.
 *
 * @param committed completed once the entry's transaction committed, or failed with a 503
 */
record LogEntry(String requestId, String principal, long timeMillis, long latencyMicros, Map<String, Tensor> inputs,
                Prediction prediction, CompletableFuture<Void> committed) {
}
