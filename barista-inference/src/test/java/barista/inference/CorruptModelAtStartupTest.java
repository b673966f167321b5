package barista.inference;

import static barista.inference.ProblemChecks.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.demo.models.TestModels;
import barista.inference.runtime.ModelLoadException;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model directory holding a good model next to bad ones: the bad ones fail to load, say why,
 * and answer 503; the good one serves; start-up still finishes and the app is ready.
 */
class CorruptModelAtStartupTest {
    private static final Map<String, Object> IRIS_ROW = Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2)));

    @TempDir
    Path dir;
    Barista app;

    @BeforeEach
    void write() throws IOException {
        DemoModels.writeIris(dir);
        TestModels.writeCorrupt(dir, "broken");
        // A version folder with no model file, and a model folder with only a config: neither is a model.
        Files.createDirectories(dir.resolve("empty").resolve("1"));
        Files.createDirectories(dir.resolve("configonly"));
        Files.writeString(dir.resolve("configonly").resolve("config.json"), "{}");
        // A real model whose config.json is not valid.
        TestModels.writeIdentity(dir, "badconfig", "float32");
        Files.writeString(dir.resolve("badconfig").resolve("config.json"), "{\"batching\": {\"maxBatchSize\": \"lots\"}}");
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private TestClient inProcess() {
        app = Apps.serving(dir);
        Apps.loaded(app);
        return TestClient.inProcess(app);
    }

    @Test
    void the_good_model_serves_while_the_corrupt_one_failed() {
        TestClient client = inProcess();

        TestResponse r = client.post("/models/iris/predict", IRIS_ROW);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("labels").get(0).asText()).isEqualTo("setosa");
    }

    @Test
    void the_listing_shows_the_failed_version_and_why() {
        TestClient client = inProcess();

        JsonNode broken = client.get("/models/broken").json();

        assertThat(broken.get("ready").asBoolean()).isFalse();
        assertThat(broken.get("serving").isNull()).isTrue();
        JsonNode v1 = broken.get("versions").get(0);
        assertThat(v1.get("version").asText()).isEqualTo("1");
        assertThat(v1.get("state").asText()).isEqualTo("failed");
        assertThat(v1.get("error").asText()).contains("broken").contains("model.onnx").contains("protobuf");
        assertThat(v1.has("inputs")).isFalse();
        assertThat(broken.get("lastError").asText()).contains("v1");
    }

    @Test
    void predicting_with_the_corrupt_model_is_503_with_the_reason() {
        TestClient client = inProcess();

        TestResponse r = client.post("/models/broken/predict", IRIS_ROW);
        TestResponse version = client.post("/models/broken/versions/1/predict", IRIS_ROW);

        JsonNode body = problem(r, 503);
        assertThat(body.get("detail").asText()).contains("broken").contains("failed").contains("protobuf");
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(problem(version, 503).get("detail").asText()).contains("failed").contains("protobuf");
    }

    @Test
    void the_kserve_endpoints_report_the_corrupt_model_as_not_ready() {
        TestClient client = inProcess();

        TestResponse ready = client.get("/v2/models/broken/ready");
        TestResponse infer = client.request("POST", "/v2/models/broken/infer").jsonText("""
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}""")
                .send();
        TestResponse server = client.get("/v2/health/ready");

        assertThat(ready.status()).as(ready.text()).isNotEqualTo(200);
        problem(infer, 503);
        assertThat(server.status()).as(server.text()).isEqualTo(200);
    }

    @Test
    void a_bad_config_fails_that_model_naming_the_file() {
        TestClient client = inProcess();

        JsonNode v1 = client.get("/models/badconfig").json().get("versions").get(0);

        assertThat(v1.get("state").asText()).isEqualTo("failed");
        assertThat(v1.get("error").asText()).contains("config.json").contains("maxBatchSize");
        assertThat(problem(client.post("/models/badconfig/predict", Map.of("inputs", List.of(List.of(1, 2, 3)))), 503)
                .get("detail").asText()).contains("config.json");
    }

    @Test
    void folders_without_a_model_file_are_not_models() {
        TestClient client = inProcess();

        JsonNode list = client.get("/models").json();

        assertThat(list).extracting(m -> m.get("name").asText()).containsExactly("badconfig", "broken", "iris");
        assertThat(problem(client.get("/models/empty"), 404).get("detail").asText()).contains("empty");
        problem(client.post("/models/configonly/predict", IRIS_ROW), 404);
    }

    @Test
    void loading_a_missing_file_fails_that_load_only() {
        TestClient client = inProcess();
        Models models = Models.of(app);
        Path ghost = dir.resolve("ghost").resolve("1").resolve("model.onnx");

        assertThatThrownBy(() -> models.load("ghost", "1", ghost))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("does not exist");

        JsonNode v1 = client.get("/models/ghost").json().get("versions").get(0);
        assertThat(v1.get("state").asText()).isEqualTo("failed");
        assertThat(v1.get("error").asText()).contains("does not exist");
        assertThat(client.post("/models/iris/predict", IRIS_ROW).status()).isEqualTo(200);
    }

    @Test
    void readiness_is_up_once_start_up_has_finished_despite_failed_models() {
        app = Apps.serving(dir);
        Apps.loaded(app);
        try (TestClient socket = TestClient.overSocket(app)) {
            TestResponse ready = socket.get("/readyz");
            TestResponse serverReady = socket.get("/v2/health/ready");
            TestResponse predict = socket.post("/models/iris/predict", IRIS_ROW);

            assertThat(ready.status()).as(ready.text()).isEqualTo(200);
            assertThat(ready.json().get("checks").get("models").asText()).isEqualTo("up");
            assertThat(serverReady.status()).as(serverReady.text()).isEqualTo(200);
            assertThat(predict.status()).as(predict.text()).isEqualTo(200);
        } finally {
            app = null; // closing the socket client stopped it
        }
    }
}
