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
import java.util.List;
import java.util.Map;

/**
 * Writes a prediction: JSON {@code {"model", "version", "outputs": {name: nested array},
 * "labels"?}} with the streaming generator, or one output as {@code .npy} when the client
 * accepts it. The version that ran is also in the {@code X-Model-Version} header, so a client
 * sees a hot swap without parsing the body.
 *
 * <p>Threading: stateless; runs on the model's worker thread as each request's rows come back.
 */
final class PredictReplies {
    static final String VERSION_HEADER = "X-Model-Version";

    private PredictReplies() {
    }

    static Response json(Prediction p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = TensorBodies.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", p.model());
            g.writeStringField("version", p.version());
            g.writeObjectFieldStart("outputs");
            for (Map.Entry<String, Tensor> o : p.outputs().entrySet()) {
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

    /** Whether the client asked for {@code .npy} back. */
    static boolean wantsNpy(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(Npy.MEDIA_TYPE);
    }

    static List<String> outputNames(Prediction p) {
        return List.copyOf(p.outputs().keySet());
    }
}
