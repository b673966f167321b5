package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPropertyNamesTest {
    record Note(String title, @JsonProperty("full_text") String text) {
    }

    @Test
    void body_property_has_the_name_jackson_reads() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        app.post("/notes", Note.class, (ctx, n) -> n.text());
        JsonNode doc = ExampleApp.openApi(app);

        JsonNode schema = ExampleApp.resolve(doc,
                doc.at("/paths/~1notes/post/requestBody/content/application~1json/schema"));
        assertThat(schema.path("properties").fieldNames()).toIterable().containsExactly("title", "full_text");
        try (TestClient client = TestClient.inProcess(app)) {
            assertThat(client.post("/notes", Map.of("title", "t", "full_text", "body")).text()).isEqualTo("body");
        }
    }
}
