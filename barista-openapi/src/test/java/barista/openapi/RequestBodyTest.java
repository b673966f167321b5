package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
    private final JsonNode doc = ExampleApp.openApi();

    private JsonNode bodySchema(String pointer) {
        JsonNode body = doc.at(pointer + "/requestBody");
        assertThat(body.path("required").asBoolean()).isTrue();
        return body.at("/content/application~1json/schema");
    }

    @Test
    void body_refers_to_a_named_component_schema() {
        assertThat(bodySchema("/paths/~1items/post").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
        assertThat(bodySchema("/paths/~1items~1{id}/put").path("$ref").asText())
                .isEqualTo("#/components/schemas/Item");
    }

    @Test
    void body_schema_lists_constraints_and_required_fields() {
        JsonNode item = ExampleApp.resolve(doc, bodySchema("/paths/~1items/post"));

        assertThat(item.path("type").asText()).isEqualTo("object");
        assertThat(item.at("/properties/name/type").asText()).isEqualTo("string");
        assertThat(item.at("/properties/name/minLength").asInt()).isEqualTo(1);
        assertThat(item.at("/properties/name/maxLength").asInt()).isEqualTo(50);
        assertThat(item.at("/properties/price/type").asText()).isEqualTo("number");
        assertThat(item.at("/properties/price/exclusiveMinimum").asInt()).isEqualTo(0);
        assertThat(item.at("/properties/tags/type").asText()).isEqualTo("array");
        assertThat(item.at("/properties/tags/items/minLength").asInt()).isEqualTo(1);
        assertThat(texts(item.path("required"))).containsExactly("name", "price");
    }

    @Test
    void enum_field_lists_its_values() {
        JsonNode item = ExampleApp.resolve(doc, bodySchema("/paths/~1items/post"));
        JsonNode kind = item.at("/properties/kind");
        JsonNode kindSchema = kind.has("$ref") ? ExampleApp.resolve(doc, kind) : kind;

        assertThat(texts(kindSchema.path("enum"))).containsExactly("A", "B");
    }

    @Test
    void nested_records_and_lists_of_records_are_components_too() {
        JsonNode customer = ExampleApp.resolve(doc, bodySchema("/paths/~1customers/post"));
        JsonNode address = ExampleApp.resolve(doc, customer.at("/properties/address"));

        assertThat(customer.at("/properties/email/format").asText()).isEqualTo("email");
        assertThat(customer.at("/properties/others/type").asText()).isEqualTo("array");
        assertThat(customer.at("/properties/others/minItems").asInt()).isEqualTo(1);
        assertThat(customer.at("/properties/others/maxItems").asInt()).isEqualTo(3);
        assertThat(customer.at("/properties/others/items/$ref").asText()).isEqualTo("#/components/schemas/Address");
        assertThat(texts(customer.path("required"))).containsExactly("email");
        assertThat(address.at("/properties/zip/pattern").asText()).isEqualTo("\\d{5}");
        assertThat(texts(address.path("required"))).containsExactly("city");
    }

    @Test
    void every_reference_in_the_document_resolves() {
        List<JsonNode> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty();
        refs.forEach(ref -> ExampleApp.resolve(doc, ref));
    }

    private static void collectRefs(JsonNode node, List<JsonNode> into) {
        if (node.has("$ref")) {
            into.add(node);
        }
        node.forEach(child -> collectRefs(child, into));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
