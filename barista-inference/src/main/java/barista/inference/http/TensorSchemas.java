package barista.inference.http;

import barista.inference.Signature;
import barista.inference.TensorSpec;
import barista.inference.tensor.DType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas for a model's tensors, derived from its signature, for OpenAPI: a nested array
 * per input with the model's fixed dimensions as {@code minItems}/{@code maxItems} and its
 * element type as the leaf.
 */
final class TensorSchemas {
    private TensorSchemas() {
    }

    /** The predict body for this signature; a signature of null (not loaded) gives a generic one. */
    static Map<String, Object> request(Signature sig) {
        Map<String, Object> inputs;
        if (sig == null) {
            inputs = Map.of("description", "a nested array (one-input models) or an object of nested arrays by input name");
        } else if (sig.inputs().size() == 1) {
            inputs = tensor(sig.inputs().getFirst());
        } else {
            inputs = object(sig.inputs());
        }
        return Map.of("type", "object", "required", List.of("inputs"), "properties", Map.of("inputs", inputs),
                "additionalProperties", false);
    }

    static Map<String, Object> response(Signature sig, boolean labels) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("model", Map.of("type", "string"));
        props.put("version", Map.of("type", "string"));
        props.put("outputs", sig == null ? Map.of("type", "object") : object(sig.outputs()));
        if (labels) {
            props.put("labels", Map.of("type", "array", "items", Map.of("type", "string"),
                    "description", "per row, the label of the highest score"));
        }
        return Map.of("type", "object", "required", List.of("model", "version", "outputs"), "properties", props);
    }

    private static Map<String, Object> object(List<TensorSpec> specs) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (TensorSpec s : specs) {
            props.put(s.name(), tensor(s));
        }
        return Map.of("type", "object", "required", specs.stream().map(TensorSpec::name).toList(), "properties", props);
    }

    static Map<String, Object> tensor(TensorSpec spec) {
        Map<String, Object> schema = leaf(spec.dtype());
        long[] shape = spec.shape();
        for (int i = shape.length - 1; i >= 0; i--) {
            Map<String, Object> array = new LinkedHashMap<>();
            array.put("type", "array");
            if (shape[i] >= 0) {
                array.put("minItems", shape[i]);
                array.put("maxItems", shape[i]);
            } else if (i == 0) {
                array.put("minItems", 1);
            }
            array.put("items", schema);
            schema = array;
        }
        schema.put("description", spec.name() + ": " + spec.dtype().wire() + spec.describeShape());
        return schema;
    }

    private static Map<String, Object> leaf(DType t) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (t) {
            case BOOL -> m.put("type", "boolean");
            case FLOAT32, FLOAT64 -> {
                m.put("type", "number");
                m.put("format", t == DType.FLOAT32 ? "float" : "double");
            }
            default -> {
                m.put("type", "integer");
                m.put("format", t.wire());
            }
        }
        return m;
    }
}
