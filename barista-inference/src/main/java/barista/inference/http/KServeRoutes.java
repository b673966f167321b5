package barista.inference.http;

import barista.Barista;
import barista.Context;
import barista.Response;
import barista.http.HttpError;
import barista.http.Status;
import barista.inference.Caller;
import barista.inference.ModelAccess;
import barista.inference.ModelState;
import barista.inference.ModelVersion;
import barista.inference.Models;
import barista.inference.Prediction;
import barista.inference.Signature;
import barista.inference.TensorSpec;
import barista.inference.tensor.DType;
import barista.inference.tensor.JsonTensors;
import barista.inference.tensor.Tensor;
import barista.inference.tensor.TensorFormatException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Open Inference Protocol (KServe v2) over REST, so clients written for Triton or KServe
 * work unchanged: server and model health, model metadata, and {@code infer} with tensors in
 * the protocol's {@code {"name", "shape", "datatype", "data"}} form. Requests share the same
 * batcher as Barista's own endpoints.
 *
 * <p>Errors are problem+json like every Barista error; they keep the protocol's status codes.
 *
 * <p>Threading: {@code infer} runs on the event loop (parse and queue, never block); the rest
 * on virtual threads.
 */
public final class KServeRoutes {
    private static final String PLATFORM = "onnxruntime_onnx";

    private KServeRoutes() {
    }

    public static void install(Barista app, Models models, ModelAccess access) {
        String tag = "open inference protocol";
        app.get("/v2", ctx -> Map.of("name", "barista", "version", app.config().version(), "extensions", List.of()))
                .summary("Server metadata").tags(tag);
        app.get("/v2/health/live", ctx -> Map.of("live", true)).summary("Server liveness").tags(tag);
        app.get("/v2/health/ready", ctx -> {
            if (!models.startupComplete()) {
                throw new HttpError.ServiceUnavailable("models are still loading");
            }
            return Map.of("ready", true);
        }).summary("Server readiness").tags(tag);
        access.guardRead(app.get("/v2/models/{name}", ctx -> metadata(models, ctx.pathParam("name"), null))
                .summary("Model metadata").tags(tag));
        access.guardRead(app.get("/v2/models/{name}/versions/{version}",
                ctx -> metadata(models, ctx.pathParam("name"), ctx.pathParam("version"))).summary("Model version metadata").tags(tag));
        app.get("/v2/models/{name}/ready", ctx -> ready(models, ctx.pathParam("name"), null)).summary("Model readiness").tags(tag);
        app.get("/v2/models/{name}/versions/{version}/ready", ctx -> ready(models, ctx.pathParam("name"), ctx.pathParam("version")))
                .summary("Model version readiness").tags(tag);
        access.guardCall(app.post("/v2/models/{name}/infer", ctx -> infer(models, ctx, null)).onEventLoop()
                .summary("Inference").tags(tag), "{name}");
        access.guardCall(app.post("/v2/models/{name}/versions/{version}/infer", ctx -> infer(models, ctx, ctx.pathParam("version")))
                .onEventLoop().summary("Inference with one version").tags(tag), "{name}");
    }

    private static Map<String, Object> metadata(Models models, String name, String version) {
        ModelVersion v = models.resolve(name, version);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("versions", models.versions(name).stream().filter(x -> x.state() == ModelState.READY)
                .map(ModelVersion::version).toList());
        m.put("platform", PLATFORM);
        m.put("inputs", specs(v.signature().inputs()));
        m.put("outputs", specs(v.signature().outputs()));
        return m;
    }

    private static List<Map<String, Object>> specs(List<TensorSpec> specs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TensorSpec s : specs) {
            out.add(Map.of("name", s.name(), "datatype", s.dtype().kserve(), "shape", s.shape()));
        }
        return out;
    }

    private static Map<String, Object> ready(Models models, String name, String version) {
        ModelVersion v = models.resolve(name, version); // 404 unknown, 503 not ready
        return Map.of("name", name, "ready", v.state() == ModelState.READY);
    }

    // ---------------------------------------------------------------- infer

    private record Request(String id, Map<String, Tensor> inputs, List<String> outputs) {
    }

    private static CompletableFuture<Response> infer(Models models, Context ctx, String version) {
        String name = ctx.pathParam("name");
        ModelVersion v = models.resolve(name, version);
        String type = ctx.header("Content-Type");
        if (ctx.header("Inference-Header-Content-Length") != null || type != null && !TensorBodies.isJson(type)) {
            throw new HttpError(Status.UNSUPPORTED_MEDIA_TYPE_415, "send application/json; the binary tensor extension is not supported");
        }
        Request req = parse(ctx.body(), v.signature());
        for (String out : req.outputs()) {
            if (v.signature().output(out) == null) {
                throw TensorBodies.invalid(List.of("outputs"), "unknown output " + out + "; outputs: "
                        + v.signature().outputs().stream().map(TensorSpec::name).toList(), "unknown_output");
            }
        }
        long timeout = ModelRoutes.timeoutNanos(ctx.header(ModelRoutes.TIMEOUT_HEADER));
        return models.predict(v, req.inputs(), timeout, version == null, Caller.of(ctx), p -> reply(p, req));
    }

    private static Request parse(byte[] body, Signature sig) {
        try (JsonParser p = TensorBodies.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw TensorBodies.invalid(List.of(), "expected a JSON object with \"inputs\"", "type");
            }
            String id = null;
            Map<String, Tensor> inputs = null;
            List<String> outputs = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "id" -> {
                        if (t != JsonToken.VALUE_STRING) {
                            throw TensorBodies.invalid(List.of("id"), "id must be a string", "type");
                        }
                        id = p.getText();
                    }
                    case "inputs" -> inputs = inputs(p, sig);
                    case "outputs" -> outputs = outputs(p);
                    default -> p.skipChildren(); // "parameters" and extensions
                }
            }
            if (inputs == null) {
                throw TensorBodies.invalid(List.of("inputs"), "field required", "missing");
            }
            return new Request(id, inputs, outputs);
        } catch (IOException e) {
            throw TensorBodies.malformed(e);
        }
    }

    private static Map<String, Tensor> inputs(JsonParser p, Signature sig) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw TensorBodies.invalid(List.of("inputs"), "inputs must be an array of tensors", "type");
        }
        Map<String, Tensor> inputs = new HashMap<>();
        int index = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            String datatype = null;
            long[] shape = null;
            TokenBuffer data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = p.getValueAsString();
                    case "datatype" -> datatype = p.getValueAsString();
                    case "shape" -> shape = shape(p, index);
                    case "data" -> {
                        data = new TokenBuffer(p);
                        data.copyCurrentStructure(p);
                    }
                    default -> p.skipChildren();
                }
            }
            List<Object> at = List.of("inputs", index);
            if (name == null || datatype == null || shape == null || data == null) {
                throw TensorBodies.invalid(at, "each input needs name, shape, datatype and data", "missing");
            }
            TensorSpec spec = sig.input(name);
            if (spec == null) {
                throw TensorBodies.invalid(at, "this model has no input " + name + "; its inputs are "
                        + TensorBodies.names(sig), "unknown_input");
            }
            DType dtype = DType.ofKserve(datatype);
            if (dtype != spec.dtype()) {
                throw TensorBodies.invalid(at, "input " + name + " is " + spec.dtype().kserve() + ", got datatype "
                        + datatype, "dtype");
            }
            if (inputs.containsKey(name)) {
                throw TensorBodies.invalid(at, "input " + name + " is given more than once", "duplicate");
            }
            try (JsonParser d = data.asParser()) {
                d.nextToken();
                inputs.put(name, JsonTensors.readFlat(d, dtype, shape, name));
            } catch (TensorFormatException e) {
                throw TensorBodies.invalid(at, e.getMessage(), "tensor");
            }
            index++;
        }
        return inputs;
    }

    private static long[] shape(JsonParser p, int index) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw TensorBodies.invalid(List.of("inputs", index, "shape"), "shape must be an array of integers", "type");
        }
        List<Long> dims = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0 || dims.size() > 32) {
                throw TensorBodies.invalid(List.of("inputs", index, "shape"), "shape must be non-negative integers", "type");
            }
            dims.add(p.getLongValue());
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<String> outputs(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw TensorBodies.invalid(List.of("outputs"), "outputs must be an array of {\"name\": ...}", "type");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw TensorBodies.invalid(List.of("outputs", i), "each output must be an object like {\"name\": \"output\"}",
                        "type");
            }
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("name")) {
                    name = p.getValueAsString();
                } else {
                    p.skipChildren();
                }
            }
            if (name == null) {
                throw TensorBodies.invalid(List.of("outputs", i), "each output needs a name", "missing");
            }
            names.add(name);
        }
        return names;
    }

    private static Response reply(Prediction p, Request req) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = TensorBodies.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model_name", p.model());
            g.writeStringField("model_version", p.version());
            if (req.id() != null) {
                g.writeStringField("id", req.id());
            }
            g.writeArrayFieldStart("outputs");
            for (Map.Entry<String, Tensor> o : p.outputs().entrySet()) {
                if (!req.outputs().isEmpty() && !req.outputs().contains(o.getKey())) {
                    continue;
                }
                Tensor t = o.getValue();
                g.writeStartObject();
                g.writeStringField("name", o.getKey());
                g.writeStringField("datatype", t.dtype().kserve());
                g.writeArrayFieldStart("shape");
                for (long d : t.shape()) {
                    g.writeNumber(d);
                }
                g.writeEndArray();
                g.writeFieldName("data");
                JsonTensors.writeFlat(t, g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.of("application/json", out.toByteArray()).withHeader(PredictReplies.VERSION_HEADER, p.version());
    }
}
