package barista.inference.http;

import barista.Barista;
import barista.Context;
import barista.Response;
import barista.RouteOptions;
import barista.http.HttpError;
import barista.inference.Caller;
import barista.inference.ModelAccess;
import barista.inference.ModelState;
import barista.inference.ModelVersion;
import barista.inference.Models;
import barista.inference.Prediction;
import barista.inference.Signature;
import barista.inference.TensorSpec;
import barista.inference.tensor.Npy;
import barista.inference.tensor.Tensor;
import barista.routing.Content;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Barista's own model endpoints, with no code from the user:
 * <ul>
 * <li>{@code GET /models} and {@code GET /models/{name}}: what is loaded, its versions, state,
 *     inputs and outputs;</li>
 * <li>{@code POST /models/{name}/predict} (the serving version) and
 *     {@code POST /models/{name}/versions/{version}/predict}: JSON or {@code .npy} in, JSON or
 *     {@code .npy} out.</li>
 * </ul>
 * Each model found at start-up also gets its own copy of the predict routes, so OpenAPI can
 * show that model's schemas; models loaded later are served by the generic routes.
 *
 * <p>Threading: predict routes run on the event loop: they parse, check and queue without
 * blocking, and the reply is written when the batch completes. Listings run on virtual threads.
 */
public final class ModelRoutes {
    /** Header giving a request's own deadline in milliseconds, instead of the model's timeout. */
    public static final String TIMEOUT_HEADER = "X-Timeout-Ms";

    private ModelRoutes() {
    }

    public static void install(Barista app, Models models, ModelAccess access) {
        access.guardRead(app.get("/models", ctx -> listing(models)).summary("List models").tags("models"));
        access.guardRead(app.get("/models/{name}", ctx -> describe(models, ctx.pathParam("name")))
                .summary("Describe a model").tags("models"));
        for (String name : models.names()) {
            predictRoutes(app, models, access, "/models/" + name, name);
        }
        predictRoutes(app, models, access, "/models/{name}", null);
    }

    private static void predictRoutes(Barista app, Models models, ModelAccess access, String base, String fixedName) {
        String what = fixedName == null ? "a model" : fixedName;
        String model = fixedName == null ? "{name}" : fixedName;
        access.guardCall(tensorContent(app.post(base + "/predict", ctx -> predict(models, ctx, fixedName, null)),
                models, fixedName).summary("Predict with " + what + " (serving version)"), model);
        access.guardCall(tensorContent(app.post(base + "/versions/{version}/predict",
                        ctx -> predict(models, ctx, fixedName, ctx.pathParam("version"))), models, fixedName)
                .summary("Predict with one version of " + what), model);
    }

    /** A predict route's threading, tag and tensor schemas (JSON from the model's signature, or .npy). */
    private static RouteOptions tensorContent(RouteOptions route, Models models, String fixedName) {
        return route.onEventLoop().tags("models")
                .accepts(new Content("application/json", () -> TensorSchemas.request(signature(models, fixedName))))
                .accepts(Content.of(Npy.MEDIA_TYPE))
                .produces(new Content("application/json", () -> TensorSchemas.response(signature(models, fixedName),
                        hasLabels(models, fixedName))))
                .produces(Content.of(Npy.MEDIA_TYPE));
    }

    private static Signature signature(Models models, String name) {
        ModelVersion v = name == null ? null : models.serving(name);
        return v == null ? null : v.signature();
    }

    private static boolean hasLabels(Models models, String name) {
        ModelVersion v = name == null ? null : models.serving(name);
        return v != null && !v.config().labels().isEmpty();
    }

    private static CompletableFuture<Response> predict(Models models, Context ctx, String fixedName, String version) {
        String name = fixedName != null ? fixedName : ctx.pathParam("name");
        ModelVersion v = models.resolve(name, version);
        Map<String, Tensor> inputs = TensorBodies.read(ctx.header("Content-Type"), ctx.body(), v.signature());
        long timeout = timeoutNanos(ctx.header(TIMEOUT_HEADER));
        boolean npy = PredictReplies.wantsNpy(ctx.header("Accept"));
        String output = ctx.query("output");
        if (output != null && v.signature().output(output) == null) {
            throw new HttpError.UnprocessableContent(List.of(barista.http.FieldError.of("query", "output",
                    "unknown output " + output + "; outputs: "
                    + v.signature().outputs().stream().map(TensorSpec::name).toList(), "unknown_output")));
        }
        return models.predict(v, inputs, timeout, version == null, Caller.of(ctx),
                p -> npy ? PredictReplies.npy(p, output) : PredictReplies.json(p, output));
    }

    /** The request's own deadline, or 0 for the model's; malformed values are a 400. */
    static long timeoutNanos(String header) {
        if (header == null) {
            return 0;
        }
        try {
            long ms = Long.parseLong(header.trim());
            if (ms > 0 && ms <= 3_600_000) {
                return ms * 1_000_000;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new HttpError.BadRequest(TIMEOUT_HEADER + " must be a whole number of milliseconds from 1 to 3600000, got '"
                + header + "'");
    }

    // ---------------------------------------------------------------- listing

    static List<Map<String, Object>> listing(Models models) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : models.names()) {
            out.add(summary(models, name));
        }
        return out;
    }

    static Map<String, Object> describe(Models models, String name) {
        if (models.versions(name).isEmpty()) {
            throw new barista.inference.ModelNotFoundException("no model named " + name + "; models: " + models.names());
        }
        return summary(models, name);
    }

    private static Map<String, Object> summary(Models models, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        ModelVersion serving = models.serving(name);
        m.put("name", name);
        m.put("serving", serving == null ? null : serving.version());
        m.put("pinned", models.pinned(name));
        m.put("ready", serving != null);
        if (serving != null && serving.config().description() != null) {
            m.put("description", serving.config().description());
        }
        List<Map<String, Object>> versions = new ArrayList<>();
        for (ModelVersion v : models.versions(name)) {
            versions.add(version(v));
        }
        m.put("versions", versions);
        m.put("lastError", models.lastError(name));
        return m;
    }

    static Map<String, Object> version(ModelVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("state", v.state().name().toLowerCase(java.util.Locale.ROOT));
        if (v.error() != null) {
            m.put("error", v.error());
        }
        m.put("source", v.source());
        Signature sig = v.signature();
        if (sig != null && v.state() != ModelState.FAILED) {
            m.put("inputs", specs(sig.inputs()));
            m.put("outputs", specs(sig.outputs()));
            m.put("sizeBytes", v.sizeBytes());
        }
        if (!v.config().labels().isEmpty()) {
            m.put("labels", v.config().labels());
        }
        var b = v.config().batching();
        m.put("batching", Map.of("maxBatchSize", b.maxBatchSize(), "maxQueueDelayMicros", b.maxQueueDelay().toNanos() / 1000,
                "maxQueue", b.maxQueue(), "timeoutMillis", b.timeout().toMillis(), "workers", b.workers()));
        m.put("queued", v.queued());
        return m;
    }

    private static List<Map<String, Object>> specs(List<TensorSpec> specs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TensorSpec s : specs) {
            out.add(Map.of("name", s.name(), "dtype", s.dtype().wire(), "shape", s.shape()));
        }
        return out;
    }
}
