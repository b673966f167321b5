package barista.routing;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One media type a route reads or writes, with the JSON Schema of that content, for routes
 * whose shapes are not Java types: a model endpoint's tensors follow the model loaded now, so
 * the schema is a supplier, asked each time the docs are built.
 *
 * @param mediaType e.g. {@code application/json} or {@code application/x-npy}
 * @param schema    a JSON Schema as plain maps and lists; an empty map for "any"
 */
public record Content(String mediaType, Supplier<Map<String, Object>> schema) {
    /** Content of this type with no schema to give (binary formats, for one). */
    public static Content of(String mediaType) {
        return new Content(mediaType, Map::of);
    }
}
