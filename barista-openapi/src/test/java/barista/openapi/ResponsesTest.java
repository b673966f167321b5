package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.Context;
import barista.Resource;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesTest {
    private final JsonNode doc = ExampleApp.openApi();

    private JsonNode responses(String pointer) {
        return doc.at(pointer + "/responses");
    }

    @Test
    void success_response_refers_to_the_returned_record() {
        JsonNode ok = responses("/paths/~1predict/get").path("200");

        assertThat(ok.path("description").asText()).isEqualTo("Successful Response");
        assertThat(ok.at("/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Prediction");
        assertThat(ExampleApp.resolve(doc, ok.at("/content/application~1json/schema"))
                .at("/properties/prediction/type").asText()).isEqualTo("integer");
    }

    @Test
    void declared_status_is_the_success_key() {
        assertThat(responses("/paths/~1items/post").fieldNames()).toIterable().contains("201").doesNotContain("200");
    }

    @Test
    void no_content_response_has_no_content() {
        JsonNode noContent = responses("/paths/~1items~1{id}/delete").path("204");

        assertThat(noContent.path("description").asText()).isEqualTo("Successful Response");
        assertThat(noContent.has("content")).isFalse();
    }

    @Test
    void undeclared_return_type_is_any_json() {
        JsonNode schema = responses("/paths/~1customers/post").at("/200/content/application~1json/schema");

        assertThat(schema.isObject()).isTrue();
        assertThat(schema.isEmpty()).isTrue();
    }

    @Test
    void object_return_type_is_a_json_object() {
        assertThat(responses("/paths/~1search/get").at("/200/content/application~1json/schema/type").asText())
                .isEqualTo("object");
    }

    @Test
    void list_return_type_is_an_array_of_references_and_text_is_plain() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        app.resource("/predictions", new Predictions());
        app.get("/hello", ctx -> "hi").returns(String.class);
        JsonNode doc = ExampleApp.openApi(app);

        JsonNode list = doc.at("/paths/~1predictions/get/responses/200/content/application~1json/schema");
        assertThat(list.path("type").asText()).isEqualTo("array");
        assertThat(list.at("/items/$ref").asText()).isEqualTo("#/components/schemas/Prediction");
        assertThat(doc.at("/paths/~1hello/get/responses/200/content/text~1plain/schema/type").asText())
                .isEqualTo("string");
    }

    @Test
    void routes_with_input_answer_422_with_a_validation_problem() {
        for (String pointer : List.of("/paths/~1predict/get", "/paths/~1items/post", "/paths/~1items~1{id}/put")) {
            JsonNode unprocessable = responses(pointer).path("422");
            assertThat(unprocessable.at("/content/application~1problem+json/schema/$ref").asText())
                    .as(pointer).isEqualTo("#/components/schemas/ValidationProblem");
        }
        assertThat(responses("/paths/~1notes~1{noteId}/get").has("422")).isFalse();
    }

    @Test
    void every_operation_documents_its_errors_as_problems() {
        doc.path("paths").forEach(item -> item.forEach(op -> assertThat(
                op.at("/responses/default/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem")));
    }

    @Test
    void validation_problem_is_a_problem_with_field_errors() {
        JsonNode schemas = doc.at("/components/schemas");
        JsonNode problem = schemas.path("Problem");
        JsonNode validation = schemas.path("ValidationProblem");
        JsonNode fieldError = schemas.path("FieldError");

        assertThat(problem.path("properties").fieldNames()).toIterable()
                .containsExactly("type", "title", "status", "detail", "instance", "requestId");
        assertThat(validation.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(validation.at("/allOf/1/properties/errors/items/$ref").asText())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(fieldError.at("/properties/location/items/type").toString()).isEqualTo("[\"string\",\"integer\"]");
        assertThat(fieldError.at("/properties/message/type").asText()).isEqualTo("string");
        assertThat(fieldError.at("/properties/type/type").asText()).isEqualTo("string");
    }

    /** A class-style route: its override's generic return type documents the response. */
    static final class Predictions implements Resource {
        @Override
        public List<ExampleApp.Prediction> get(Context ctx) {
            return List.of(new ExampleApp.Prediction(1));
        }
    }
}
