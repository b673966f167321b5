package barista.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.DefinitionKey;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.generator.naming.DefaultSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * The JSON Schemas (2020-12, which OpenAPI 3.1 uses as is) of request bodies and responses.
 * Every record becomes a named schema under {@code components.schemas} and is referenced from
 * wherever it is used, so a type used by ten routes is described once and the docs UIs show it by
 * name. Constraints come from the same Bean Validation annotations the binder checks.
 *
 * <p>Use one instance per document: call {@link #reference} for every type, then
 * {@link #collect()} once, which fills in the references handed out before.
 */
final class ComponentSchemas {
    static final String PATH = "components/schemas";
    static final String REF_PREFIX = "#/" + PATH + "/";

    private final SchemaBuilder builder;

    ComponentSchemas() {
        SchemaGeneratorConfigBuilder config = configure(new SchemaGeneratorConfigBuilder(
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON))
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS);
        config.forTypesInGeneral().withDefinitionNamingStrategy(new ReservedNames());
        // The names Jackson reads and writes; only bodies and responses go through Jackson.
        config.forFields().withPropertyNameOverrideResolver(field -> {
            JsonProperty renamed = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
            return renamed == null || renamed.value().isEmpty() ? null : renamed.value();
        });
        this.builder = new SchemaGenerator(config.build()).buildMultipleSchemaDefinitions();
    }

    /**
     * The settings shared with {@link ParameterSchemas}: constraints, required members, formats,
     * {@code Optional<T>} described as {@code T}.
     */
    static SchemaGeneratorConfigBuilder configure(SchemaGeneratorConfigBuilder config) {
        config.with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // Barista's JSON rules refuse a missing primitive rather than reading it as 0.
        config.forFields().withRequiredCheck(field -> field.getType().isPrimitive());
        // Declaration order, as Jackson writes a record, rather than alphabetical.
        config.forTypesInGeneral().withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS);
        return config;
    }

    /**
     * A schema for the type: a {@code $ref} for a record, an inline schema for a scalar. Empty
     * until {@link #collect()} runs.
     */
    ObjectNode reference(Type type) {
        if (type == Object.class) {
            return JsonNodeFactory.instance.objectNode().put("type", "object");
        }
        return builder.createSchemaReference(type);
    }

    /** The named schemas every reference points at; resolves those references. Call once. */
    ObjectNode collect() {
        return builder.collectDefinitions(PATH);
    }

    /**
     * Keeps the names of the framework's own schemas ({@code Problem}...) for them: a user type
     * with the same simple name is named by its full class name instead.
     */
    private static final class ReservedNames extends DefaultSchemaDefinitionNamingStrategy {
        private static final Set<String> RESERVED = Set.of(ProblemSchemas.PROBLEM, ProblemSchemas.VALIDATION_PROBLEM,
                ProblemSchemas.FIELD_ERROR);

        @Override
        public String getDefinitionNameForKey(DefinitionKey key, SchemaGenerationContext context) {
            String name = super.getDefinitionNameForKey(key, context);
            return RESERVED.contains(name) ? context.getTypeContext().getFullTypeDescription(key.getType()) : name;
        }
    }
}
