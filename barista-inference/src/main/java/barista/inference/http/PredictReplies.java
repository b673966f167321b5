package barista.inference.http;

import barista.Response;
import barista.inference.Prediction;
import barista.inference.tensor.JsonTensors;
import barista.inference.tensor.Npy;
import barista.inference.tensor.Tensor;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a prediction: JSON {@code {"model", "version", "outputs": {name: nested array},
 * "labels"?}} with the streaming generator, or one output as {@code .npy} when the client
 * prefers it. {@code ?output=name} keeps one output. The version that ran is also in the {@code X-Model-Version} header, so a client
 * sees a hot swap without parsing the body.
 *
 * <p>Threading: stateless; runs on the model's worker thread as each request's rows come back.
 */
final class PredictReplies {
    static final String VERSION_HEADER = "X-Model-Version";

    private PredictReplies() {
    }

    /** All outputs, or only {@code output} when the request named one. */
    static Response json(Prediction p, String output) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = TensorBodies.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", p.model());
            g.writeStringField("version", p.version());
            g.writeObjectFieldStart("outputs");
            for (Map.Entry<String, Tensor> o : p.outputs().entrySet()) {
                if (output != null && !output.equals(o.getKey())) {
                    continue;
                }
                g.writeFieldName(o.getKey());
                JsonTensors.writeNested(o.getValue(), g);
            }
            g.writeEndObject();
            if (!p.labels().isEmpty()) {
                g.writeArrayFieldStart("labels");
                for (String label : p.classLabels()) {
                    g.writeString(label);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.of("application/json", out.toByteArray()).withHeader(VERSION_HEADER, p.version());
    }

    /** One output as {@code .npy}: the one named, else the first. */
    static Response npy(Prediction p, String output) {
        Tensor t = output == null ? p.output() : p.output(output);
        return Response.of(Npy.MEDIA_TYPE, Npy.write(t)).withHeader(VERSION_HEADER, p.version());
    }

    /**
     * Whether the client prefers {@code .npy} back: it lists {@code application/x-npy} with a
     * quality at least that of JSON (absent JSON counts as 0, a bare wildcard does not count).
     */
    static boolean wantsNpy(String accept) {
        if (accept == null) {
            return false;
        }
        double npy = -1;
        double json = 0;
        for (String part : accept.toLowerCase(java.util.Locale.ROOT).split(",")) {
            String[] params = part.trim().split(";");
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String param = params[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            switch (params[0].trim()) {
                case Npy.MEDIA_TYPE -> npy = Math.max(npy, q);
                case "application/json" -> json = Math.max(json, q);
                default -> { }
            }
        }
        return npy > 0 && npy >= json;
    }

}
