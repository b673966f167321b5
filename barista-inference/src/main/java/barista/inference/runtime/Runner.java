package barista.inference.runtime;

import barista.inference.Signature;
import barista.inference.tensor.Tensor;
import java.util.Map;

/**
 * Runs one loaded model on a batch of inputs. The batcher owns the calls; a runner only knows
 * how to turn tensors into outputs, which keeps the batching rules testable with any runtime.
 *
 * <p>Threading: {@link #run} may be called from several threads at once (ONNX Runtime sessions
 * are thread-safe); it blocks for the inference. {@link #close} is called once, after the last
 * run returned.
 */
public interface Runner extends AutoCloseable {
    Signature signature();

    /** The outputs, by name, for inputs that fit {@link #signature()}. */
    Map<String, Tensor> run(Map<String, Tensor> inputs);

    /** Bytes of the model file, for the registry's listing; {@code -1} if unknown. */
    long sizeBytes();

    @Override
    void close();
}
