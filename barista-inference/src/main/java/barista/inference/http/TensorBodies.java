package barista.inference.http;

import barista.http.FieldError;
import barista.http.HttpError;
import barista.http.Status;
import barista.inference.Signature;
import barista.inference.TensorSpec;
import barista.inference.tensor.JsonTensors;
import barista.inference.tensor.Npy;
import barista.inference.tensor.Tensor;
import barista.inference.tensor.TensorFormatException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a predict request's tensors: a JSON object {@code {"inputs": ...}} whose value is a
 * nested array (for a model with one input) or an object of nested arrays by input name, or
 * a NumPy {@code .npy} body for a model with one input. Numbers are read straight into the
 * type the model declares, with the streaming parser: no tree, no boxing.
 *
 * <p>Threading: stateless; runs on the event loop, so it never blocks.
 */
final class TensorBodies {
    /** Fast float parsing and writing: tensors are mostly floats, and Jackson's default is the slow path. */
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();

    private TensorBodies() {
    }

    /** The tensors of a Barista predict body, by input name; 400, 415 or 422 when it cannot be read. */
    static Map<String, Tensor> read(String contentType, byte[] body, Signature sig) {
        if (isNpy(contentType)) {
            if (sig.inputs().size() != 1) {
                throw new HttpError(Status.UNSUPPORTED_MEDIA_TYPE_415, "a .npy body carries one tensor, but this model has "
                        + sig.inputs().size() + " inputs; send JSON with \"inputs\" by name");
            }
            TensorSpec spec = sig.inputs().getFirst();
            return Map.of(spec.name(), npy(body, spec.name()));
        }
        if (!isJson(contentType)) {
            throw new HttpError(Status.UNSUPPORTED_MEDIA_TYPE_415, "send application/json or " + Npy.MEDIA_TYPE
                    + (contentType == null ? "; the request has no Content-Type" : ", not " + contentType));
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(List.of(), "expected a JSON object like {\"inputs\": ...}", "type");
            }
            Map<String, Tensor> inputs = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("inputs")) {
                    throw invalid(List.of(field), "unknown field " + field + "; the body has one field, inputs", "unknown_field");
                }
                inputs = value == JsonToken.START_OBJECT ? named(p, sig) : single(p, sig);
            }
            if (p.nextToken() != null) {
                throw new HttpError.BadRequest("malformed JSON: content after the end of the object");
            }
            if (inputs == null) {
                throw invalid(List.of("inputs"), "field required", "missing");
            }
            return inputs;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** A 400 for JSON the parser could not read, in one clean sentence. */
    static HttpError malformed(IOException e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new HttpError.BadRequest("malformed JSON: " + firstSentence(m));
    }

    private static Map<String, Tensor> single(JsonParser p, Signature sig) throws IOException {
        if (sig.inputs().size() != 1) {
            throw invalid(List.of("inputs"), "this model has inputs " + names(sig)
                    + "; give them as an object: {\"inputs\": {\"name\": [...]}}", "type");
        }
        TensorSpec spec = sig.inputs().getFirst();
        return Map.of(spec.name(), nested(p, spec));
    }

    private static Map<String, Tensor> named(JsonParser p, Signature sig) throws IOException {
        Map<String, Tensor> inputs = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            TensorSpec spec = sig.input(name);
            if (spec == null) {
                throw invalid(List.of("inputs", name), "this model has no input " + name + "; its inputs are " + names(sig),
                        "unknown_input");
            }
            if (inputs.containsKey(name)) {
                throw invalid(List.of("inputs", name), "input " + name + " is given twice", "duplicate");
            }
            inputs.put(name, nested(p, spec));
        }
        return inputs;
    }

    private static Tensor nested(JsonParser p, TensorSpec spec) throws IOException {
        try {
            return JsonTensors.readNested(p, spec.dtype(), spec.name());
        } catch (TensorFormatException e) {
            throw invalid(List.of("inputs", spec.name()), e.getMessage() + " (expected " + spec + ")", "tensor");
        }
    }

    static Tensor npy(byte[] body, String name) {
        try {
            return Npy.read(body);
        } catch (TensorFormatException e) {
            throw invalid(List.of("inputs", name), e.getMessage(), "npy");
        }
    }

    static HttpError invalid(List<Object> path, String message, String type) {
        List<Object> location = new java.util.ArrayList<>();
        location.add("body");
        location.addAll(path);
        return new HttpError.UnprocessableContent(List.of(new FieldError(location, message, type)));
    }

    static boolean isNpy(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(Npy.MEDIA_TYPE);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("application/json") || t.matches("application/[a-z0-9.+-]*\\+json.*");
    }

    static String names(Signature sig) {
        return sig.inputs().stream().map(TensorSpec::toString).toList().toString();
    }

    private static String firstSentence(String s) {
        if (s == null) {
            return "unreadable";
        }
        int cut = s.indexOf('\n');
        s = cut < 0 ? s : s.substring(0, cut);
        int marker = s.indexOf(" (start marker");
        s = marker < 0 ? s : s.substring(0, marker);
        int at = s.indexOf(" at [Source");
        return at < 0 ? s : s.substring(0, at);
    }
}
