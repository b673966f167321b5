package barista.inference.batching;

import barista.inference.Signature;
import barista.inference.runtime.Runner;
import barista.inference.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * The real ONNX runner behind a gate the test opens, so a test can hold the worker busy and
 * see what the batcher does meanwhile; records the rows of every call.
 */
final class GatedRunner implements Runner {
    private final Runner real;
    private final Semaphore gate = new Semaphore(0);
    final CountDownLatch entered = new CountDownLatch(1);
    final List<Integer> callRows = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    GatedRunner(Runner real, boolean open) {
        this.real = real;
        if (open) {
            gate.release(Integer.MAX_VALUE / 2);
        }
    }

    void open() {
        gate.release(Integer.MAX_VALUE / 2);
    }

    @Override
    public Signature signature() {
        return real.signature();
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        entered.countDown();
        gate.acquireUninterruptibly();
        callRows.add(inputs.values().iterator().next().rows());
        return real.run(inputs);
    }

    @Override
    public long sizeBytes() {
        return real.sizeBytes();
    }

    @Override
    public void close() {
        closed = true;
        real.close();
    }
}
