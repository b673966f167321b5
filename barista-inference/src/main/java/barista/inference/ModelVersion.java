package barista.inference;

import barista.inference.batching.Batcher;
import barista.inference.runtime.Runner;
import java.time.Instant;

/**
 * One version of a model, as the registry holds it: where it came from, its state and, once
 * loaded, its signature and the batcher that serves it. Each reload makes a new instance, so a
 * request that resolved a version keeps a consistent one.
 *
 * <p>Threading: the state fields are volatile and set by the registry's loader thread; reading
 * them from any thread is safe.
 */
public final class ModelVersion {
    private final String model;
    private final String version;
    private final String source;
    private final ModelConfig config;
    private volatile ModelState state = ModelState.LOADING;
    private volatile String error;
    private volatile Runner runner;
    private volatile Batcher batcher;
    private volatile Instant readyAt;
    private volatile boolean cancelled;

    ModelVersion(String model, String version, String source, ModelConfig config) {
        this.model = model;
        this.version = version;
        this.source = source;
        this.config = config;
    }

    public String model() {
        return model;
    }

    public String version() {
        return version;
    }

    /** The file it was loaded from, or {@code code} for a model registered from Java. */
    public String source() {
        return source;
    }

    public ModelConfig config() {
        return config;
    }

    public ModelState state() {
        return state;
    }

    /** Why the load failed, or {@code null}. */
    public String error() {
        return error;
    }

    /** The inputs and outputs, or {@code null} before the file is loaded. */
    public Signature signature() {
        Runner r = runner;
        return r == null ? null : r.signature();
    }

    public long sizeBytes() {
        Runner r = runner;
        return r == null ? -1 : r.sizeBytes();
    }

    /** When it became ready, or {@code null}. */
    public Instant readyAt() {
        return readyAt;
    }

    /** Requests waiting for a batch now. */
    public int queued() {
        Batcher b = batcher;
        return b == null ? 0 : b.queued();
    }

    Runner runner() {
        return runner;
    }

    Batcher batcher() {
        return batcher;
    }

    void warming() {
        state = ModelState.WARMING;
    }

    /** Publishes the runner and batcher together: a version has both or neither. */
    void ready(Runner r, Batcher b) {
        runner = r;
        batcher = b;
        readyAt = Instant.now();
        state = ModelState.READY;
    }

    /** Unloaded before or while it loaded: the loader must not publish it. */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    void failed(String reason) {
        error = reason;
        state = ModelState.FAILED;
    }

    void draining() {
        state = ModelState.DRAINING;
    }

    @Override
    public String toString() {
        return model + " v" + version + " (" + state + ")";
    }
}
