package barista.openapi;

import barista.binding.Param;
import barista.binding.ParamsModel;
import barista.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * The schema of each parameter of a params record: its type and the constraints written on its
 * record component, plus its {@code @Default}. The record is described as a whole and each
 * parameter takes its property, so a parameter reads the same annotations a body field does.
 * Parameters are scalars or lists of scalars, so their schemas are inline, never references.
 */
final class ParameterSchemas {
    private final SchemaGenerator generator;
    private final Map<Class<?>, ObjectNode> recordSchemas = new HashMap<>();

    ParameterSchemas() {
        SchemaGeneratorConfigBuilder config = ComponentSchemas.configure(new SchemaGeneratorConfigBuilder(
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON))
                .with(Option.INLINE_ALL_SCHEMAS);
        this.generator = new SchemaGenerator(config.build());
    }

    /** A new schema node for one parameter of the record {@code model}. */
    ObjectNode schemaOf(ParamsModel model, Param param) {
        ObjectNode record = recordSchemas.computeIfAbsent(model.type(), generator::generateSchema);
        JsonNode property = record.path("properties").get(param.name());
        ObjectNode schema = property instanceof ObjectNode found
                ? found.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (param.optional()) {
            notNull(schema);
        }
        if (param.defaultText() != null) {
            schema.set("default", defaultValue(param));
        }
        return schema;
    }

    /**
     * An absent parameter is left out of the request, never sent as null, so an
     * {@code Optional<T>} parameter is described as a plain {@code T}.
     */
    private static void notNull(ObjectNode schema) {
        if (schema.get("type") instanceof ArrayNode types) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            types.forEach(t -> {
                if (!"null".equals(t.asText())) {
                    kept.add(t);
                }
            });
            schema.set("type", kept.size() == 1 ? kept.get(0) : kept);
        }
    }

    /**
     * The default as JSON, typed as the parameter is ({@code @Default("10") int} gives the number
     * 10), converted by the same parser the binder uses. ParamsModel already checked it parses.
     */
    private static JsonNode defaultValue(Param param) {
        JsonNode value = Json.mapper().valueToTree(param.scalar().parse(param.defaultText()));
        return param.repeated() ? JsonNodeFactory.instance.arrayNode().add(value) : value;
    }
}
