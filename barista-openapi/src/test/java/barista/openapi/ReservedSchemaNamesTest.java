package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

class ReservedSchemaNamesTest {
    record Problem(@NotBlank String summary) {
    }

    @Test
    void user_type_named_like_a_framework_schema_gets_its_full_name() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        app.post("/problems", Problem.class, (ctx, p) -> p).returns(Problem.class);
        JsonNode doc = ExampleApp.openApi(app);

        JsonNode ref = doc.at("/paths/~1problems/post/requestBody/content/application~1json/schema");
        assertThat(ref.path("$ref").asText()).isNotEqualTo("#/components/schemas/Problem");
        assertThat(ExampleApp.resolve(doc, ref).at("/properties/summary/minLength").asInt()).isEqualTo(1);
        assertThat(doc.at("/components/schemas/Problem/properties/status/type").asText()).isEqualTo("integer");
    }
}
