package barista.inference;

import barista.Context;
import barista.access.Requirement;
import barista.inference.tensor.Tensor;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A handle to one model by name, for calling it from Java: from a typed endpoint with its own
 * pre- and post-processing, or from anywhere else. Calls from many concurrent requests are
 * queued and batched together. The future completes on the model's worker thread, or, when the
 * prediction is logged, on a virtual thread once it is committed: chain quick work on an
 * unlogged model's future (picking labels, building a record), and the {@code ...Async}
 * variants for anything slow.
 *
 * <pre>{@code
 * Model iris = Models.of(app).model("iris");
 * iris.predict(ctx, Tensor.ofFloats(rows)).thenApply(Prediction::classLabels);
 * }</pre>
 *
 * <p>The handle looks its model up on each call, so it follows hot swaps and may be made before
 * the model is loaded. Every error arrives through the future, as the exception that answers it
 * over HTTP: a 401 or 403 for a request whose caller may not call it, a 404 for an unknown
 * model, 422 for inputs that do not fit, 429 for a full queue, 504 past the deadline, 503 while
 * no version is ready.
 *
 * <p>Threading: safe from any thread; never blocks, so it may be called on the event loop.
 */
public final class Model {
    private final Models models;
    private final String name;

    Model(Models models, String name) {
        this.models = models;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Runs the serving version on the model's only input; logged as the app's own call. */
    public CompletableFuture<Prediction> predict(Tensor input) {
        return run(null, null, input);
    }

    /**
     * Runs the serving version on the model's only input for the request in {@code ctx}: the
     * prediction log records its request id and principal, so feedback can find it. The
     * principal must be allowed to call this model ({@link ModelAccess}, as on the model routes):
     * otherwise the future fails with a 401 or 403.
     */
    public CompletableFuture<Prediction> predict(Context ctx, Tensor input) {
        return run(ctx, null, input);
    }

    /** Runs the serving version on named inputs for the request in {@code ctx}, as {@link #predict(Context, Tensor)}. */
    public CompletableFuture<Prediction> predict(Context ctx, Map<String, Tensor> inputs) {
        return run(ctx, null, null, inputs);
    }

    /**
     * Runs the serving version on the model's only input for {@code caller} (from
     * {@link Caller#of}), with no {@link ModelAccess} check: for an endpoint that decides for
     * itself who may use it, such as a public page in front of models that keys guard.
     */
    public CompletableFuture<Prediction> predict(Caller caller, Tensor input) {
        return run(null, Objects.requireNonNull(caller, "caller"), input);
    }

    /** Runs the serving version on named inputs. */
    public CompletableFuture<Prediction> predict(Map<String, Tensor> inputs) {
        return run(null, null, null, inputs);
    }

    /** Runs a given version on named inputs. */
    public CompletableFuture<Prediction> predict(String version, Map<String, Tensor> inputs) {
        return run(null, null, version, inputs);
    }

    private CompletableFuture<Prediction> run(Context ctx, Caller caller, Tensor input) {
        try {
            Caller who = who(ctx, caller);
            ModelVersion v = models.resolve(name, null);
            var inputs = v.signature().inputs();
            if (inputs.size() != 1) {
                throw new IllegalArgumentException("model " + name + " has " + inputs.size()
                        + " inputs; pass them by name with predict(Map)");
            }
            return models.predict(v, Map.of(inputs.getFirst().name(), input), 0, true, who);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Prediction> run(Context ctx, Caller caller, String version, Map<String, Tensor> inputs) {
        try {
            return models.predict(name, version, inputs, 0, who(ctx, caller));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Who the log records: the request's caller once {@code barista.models.access} lets it call
     * this model (a 401 or 403 otherwise); else the given caller; else the app itself.
     */
    private Caller who(Context ctx, Caller caller) {
        if (ctx != null) {
            Requirement needed = models.access().toCall(name);
            if (needed != null) {
                ctx.require(needed);
            }
            return Caller.of(ctx);
        }
        return caller != null ? caller : Caller.internal();
    }

    /** The serving version's inputs and outputs; throws 503 if none is ready. */
    public Signature signature() {
        return models.resolve(name, null).signature();
    }

    /** Whether a version is ready to serve. */
    public boolean ready() {
        return models.serving(name) != null;
    }
}
