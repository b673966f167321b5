package barista.inference;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictEndpointTest {
    @TempDir
    Path dir;
    Barista app;
    TestClient client;

    @BeforeEach
    void start() {
        DemoModels.writeIris(dir);
        app = Apps.serving(dir);
        Apps.loaded(app);
        client = TestClient.inProcess(app);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void a_model_in_the_directory_is_served_with_no_code() {
        float[][] rows = DemoModels.irisFeatures();
        TestResponse r = client.post("/models/iris/predict", Map.of("inputs", List.of(rows[0], rows[60], rows[120])));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("X-Model-Version")).isEqualTo("1");
        JsonNode body = r.json();
        assertThat(body.get("model").asText()).isEqualTo("iris");
        assertThat(body.get("version").asText()).isEqualTo("1");
        JsonNode scores = body.get("outputs").get("output");
        assertThat(scores.size()).isEqualTo(3);
        assertThat(scores.get(0).size()).isEqualTo(3);
        int[] expected = DemoModels.irisPredictions(new float[][] {rows[0], rows[60], rows[120]});
        String[] names = {"setosa", "versicolor", "virginica"};
        assertThat(body.get("labels")).extracting(JsonNode::asText)
                .containsExactly(names[expected[0]], names[expected[1]], names[expected[2]]);
    }

    @Test
    void inputs_may_be_named() {
        TestResponse r = client.post("/models/iris/predict", Map.of("inputs", Map.of("input", List.of(List.of(5.1, 3.5, 1.4, 0.2)))));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("labels").get(0).asText()).isEqualTo("setosa");
    }

    @Test
    void a_version_can_be_asked_for_by_number() {
        TestResponse r = client.post("/models/iris/versions/1/predict", Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2))));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("version").asText()).isEqualTo("1");
    }

    @Test
    void the_listing_shows_versions_state_and_signature() {
        JsonNode list = client.get("/models").json();

        assertThat(list.size()).isEqualTo(1);
        JsonNode iris = list.get(0);
        assertThat(iris.get("name").asText()).isEqualTo("iris");
        assertThat(iris.get("serving").asText()).isEqualTo("1");
        JsonNode v1 = iris.get("versions").get(0);
        assertThat(v1.get("state").asText()).isEqualTo("ready");
        assertThat(v1.get("inputs").get(0).get("name").asText()).isEqualTo("input");
        assertThat(v1.get("inputs").get(0).get("dtype").asText()).isEqualTo("float32");
        assertThat(v1.get("inputs").get(0).get("shape").toString()).isEqualTo("[-1,4]");
        assertThat(client.get("/models/iris").json().get("name").asText()).isEqualTo("iris");
    }

    @Test
    void unknown_models_and_versions_are_404_naming_what_exists() {
        TestResponse model = client.post("/models/nope/predict", Map.of("inputs", List.of(List.of(1, 2, 3, 4))));
        TestResponse version = client.post("/models/iris/versions/7/predict", Map.of("inputs", List.of(List.of(1, 2, 3, 4))));

        assertThat(model.status()).isEqualTo(404);
        assertThat(model.header("Content-Type")).startsWith("application/problem+json");
        assertThat(model.json().get("detail").asText()).contains("nope").contains("iris");
        assertThat(version.status()).isEqualTo(404);
        assertThat(version.json().get("detail").asText()).contains("7").contains("[1]");
        assertThat(client.get("/models/nope").status()).isEqualTo(404);
    }
}
