package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ParametersTest {
    private final JsonNode doc = ExampleApp.openApi();

    private JsonNode parameter(String path, String method, String name) {
        for (JsonNode p : doc.path("paths").path(path).path(method).path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " on " + method + " " + path);
    }

    @Test
    void openapi_lists_query_constraints() {
        JsonNode score = parameter("/predict", "get", "score");

        assertThat(score.path("in").asText()).isEqualTo("query");
        assertThat(score.path("required").asBoolean()).isTrue();
        assertThat(score.at("/schema/type").asText()).isEqualTo("integer");
        assertThat(score.at("/schema/minimum").asInt()).isEqualTo(0);
        assertThat(score.at("/schema/maximum").asInt()).isEqualTo(100);
    }

    @Test
    void default_is_not_required_and_written_as_typed_json() {
        JsonNode limit = parameter("/predict", "get", "limit");
        JsonNode fuzzy = parameter("/search", "get", "fuzzy");

        assertThat(limit.path("required").asBoolean()).isFalse();
        assertThat(limit.at("/schema/default").isInt()).isTrue();
        assertThat(limit.at("/schema/default").asInt()).isEqualTo(10);
        assertThat(limit.at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(fuzzy.at("/schema/default").isBoolean()).isTrue();
        assertThat(fuzzy.at("/schema/default").asBoolean()).isTrue();
    }

    @Test
    void optional_parameter_is_not_required_and_not_nullable() {
        JsonNode q = parameter("/predict", "get", "q");

        assertThat(q.path("required").asBoolean()).isFalse();
        assertThat(q.at("/schema/type").asText()).isEqualTo("string");
    }

    @Test
    void header_parameter_has_its_header_name() {
        JsonNode token = parameter("/predict", "get", "x-token");

        assertThat(token.path("in").asText()).isEqualTo("header");
        assertThat(token.path("required").asBoolean()).isTrue();
    }

    @Test
    void path_variable_of_a_params_record_is_a_typed_required_path_parameter() {
        JsonNode id = parameter("/items/{id}", "put", "id");

        assertThat(id.path("in").asText()).isEqualTo("path");
        assertThat(id.path("required").asBoolean()).isTrue();
        assertThat(id.at("/schema/type").asText()).isEqualTo("integer");
    }

    @Test
    void path_variable_of_a_route_without_params_record_is_a_string() {
        JsonNode noteId = parameter("/notes/{noteId}", "get", "noteId");

        assertThat(noteId.path("in").asText()).isEqualTo("path");
        assertThat(noteId.path("required").asBoolean()).isTrue();
        assertThat(noteId.at("/schema/type").asText()).isEqualTo("string");
    }

    @Test
    void list_query_parameter_is_an_exploded_form_array_of_enum_values() {
        JsonNode kinds = parameter("/search", "get", "kinds");

        assertThat(kinds.path("required").asBoolean()).isFalse();
        assertThat(kinds.path("style").asText()).isEqualTo("form");
        assertThat(kinds.path("explode").asBoolean()).isTrue();
        assertThat(kinds.at("/schema/type").asText()).isEqualTo("array");
        assertThat(kinds.at("/schema/items/enum").toString()).isEqualTo("[\"A\",\"B\"]");
    }

    @Test
    void string_parameter_lists_length_and_pattern() {
        JsonNode term = parameter("/search", "get", "term");

        assertThat(term.at("/schema/minLength").asInt()).isEqualTo(2);
        assertThat(term.at("/schema/pattern").asText()).isEqualTo("[a-z]+");
    }

    @Test
    void route_without_parameters_lists_none() {
        assertThat(doc.at("/paths/~1items/post").has("parameters")).isFalse();
    }
}
