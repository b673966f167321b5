package barista.inference;

import static barista.inference.ProblemChecks.onlyError;
import static barista.inference.ProblemChecks.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Open Inference Protocol (KServe v2) REST endpoints, with the bodies its clients send. */
class KServeProtocolTest {
    private static final float[][] ROWS = {{5.1f, 3.5f, 1.4f, 0.2f}, {7.7f, 3.0f, 6.1f, 2.3f}};
    /** What {@code requests.post(url, json=body)} sends for a [2, 4] FP32 tensor. */
    private static final String INFER = """
            {"id": "42", "inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32",
              "data": [5.1, 3.5, 1.4, 0.2, 7.7, 3.0, 6.1, 2.3]}]}""";

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

    private TestResponse infer(String json) {
        return client.request("POST", "/v2/models/iris/infer").jsonText(json).send();
    }

    /** Checks a 200 infer reply for {@link #ROWS}: model, version, one FP32 [2,3] output whose argmax is the Java model's. */
    private static JsonNode assertIrisReply(TestResponse r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.get("model_name").asText()).isEqualTo("iris");
        assertThat(body.get("model_version").asText()).isEqualTo("1");
        assertThat(body.get("outputs").size()).isEqualTo(1);
        JsonNode out = body.get("outputs").get(0);
        assertThat(out.get("name").asText()).isEqualTo("output");
        assertThat(out.get("datatype").asText()).isEqualTo("FP32");
        assertThat(out.get("shape").toString()).isEqualTo("[2,3]");
        JsonNode data = out.get("data");
        assertThat(data.isArray()).isTrue();
        assertThat(data.size()).isEqualTo(6);
        data.forEach(v -> assertThat(v.isNumber()).as("flat data holds numbers: " + data).isTrue());
        int[] expected = DemoModels.irisPredictions(ROWS);
        float[][] probabilities = DemoModels.irisProbabilities(ROWS);
        for (int row = 0; row < 2; row++) {
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (data.get(row * 3 + c).asDouble() > data.get(row * 3 + best).asDouble()) {
                    best = c;
                }
            }
            assertThat(best).as("class of row " + row).isEqualTo(expected[row]);
            for (int c = 0; c < 3; c++) {
                assertThat(data.get(row * 3 + c).asDouble()).isCloseTo(probabilities[row][c], within(1e-4));
            }
        }
        return body;
    }

    // ---------------------------------------------------------------- health and metadata

    @Test
    void server_metadata_names_barista() {
        TestResponse r = client.get("/v2");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("name").asText()).isEqualTo("barista");
        assertThat(body.get("version").asText()).isNotBlank();
        assertThat(body.get("extensions").isArray()).isTrue();
    }

    @Test
    void server_is_live_and_ready_once_models_have_loaded() {
        TestResponse live = client.get("/v2/health/live");
        TestResponse ready = client.get("/v2/health/ready");

        assertThat(live.status()).as(live.text()).isEqualTo(200);
        assertThat(live.json().get("live").asBoolean()).isTrue();
        assertThat(ready.status()).as(ready.text()).isEqualTo(200);
        assertThat(ready.json().get("ready").asBoolean()).isTrue();
    }

    @Test
    void model_metadata_gives_platform_versions_and_tensors() {
        TestResponse r = client.get("/v2/models/iris");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("name").asText()).isEqualTo("iris");
        assertThat(body.get("platform").asText()).isEqualTo("onnxruntime_onnx");
        assertThat(body.get("versions").toString()).isEqualTo("[\"1\"]");
        assertThat(body.get("inputs").size()).isEqualTo(1);
        JsonNode input = body.get("inputs").get(0);
        assertThat(input.get("name").asText()).isEqualTo("input");
        assertThat(input.get("datatype").asText()).isEqualTo("FP32");
        assertThat(input.get("shape").toString()).isEqualTo("[-1,4]");
        JsonNode output = body.get("outputs").get(0);
        assertThat(output.get("name").asText()).isEqualTo("output");
        assertThat(output.get("datatype").asText()).isEqualTo("FP32");
        assertThat(output.get("shape").toString()).isEqualTo("[-1,3]");
    }

    @Test
    void model_and_version_readiness_and_version_metadata() {
        TestResponse ready = client.get("/v2/models/iris/ready");
        TestResponse versionReady = client.get("/v2/models/iris/versions/1/ready");
        TestResponse version = client.get("/v2/models/iris/versions/1");

        assertThat(ready.status()).as(ready.text()).isEqualTo(200);
        assertThat(ready.json().get("name").asText()).isEqualTo("iris");
        assertThat(ready.json().get("ready").asBoolean()).isTrue();
        assertThat(versionReady.status()).as(versionReady.text()).isEqualTo(200);
        assertThat(versionReady.json().get("ready").asBoolean()).isTrue();
        assertThat(version.status()).as(version.text()).isEqualTo(200);
        assertThat(version.json().get("name").asText()).isEqualTo("iris");
        assertThat(version.json().get("inputs").get(0).get("shape").toString()).isEqualTo("[-1,4]");
    }

    @Test
    void unknown_model_or_version_is_404_naming_what_exists() {
        JsonNode model = problem(client.get("/v2/models/nope"), 404);
        JsonNode version = problem(client.get("/v2/models/iris/versions/9"), 404);
        JsonNode ready = problem(client.get("/v2/models/nope/ready"), 404);
        JsonNode infer = problem(client.request("POST", "/v2/models/nope/infer").jsonText(INFER).send(), 404);

        assertThat(model.get("detail").asText()).contains("nope").contains("iris");
        assertThat(version.get("detail").asText()).contains("9").contains("[1]");
        assertThat(ready.get("detail").asText()).contains("nope");
        assertThat(infer.get("detail").asText()).contains("nope").contains("iris");
    }

    // ---------------------------------------------------------------- infer

    @Test
    void infer_returns_flat_outputs_with_the_request_id() {
        JsonNode body = assertIrisReply(infer(INFER));

        assertThat(body.get("id").asText()).isEqualTo("42");
    }

    @Test
    void infer_on_a_version_path_runs_that_version() {
        TestResponse r = client.request("POST", "/v2/models/iris/versions/1/infer").jsonText(INFER).send();

        assertIrisReply(r);
        assertThat(r.header("X-Model-Version")).isEqualTo("1");
    }

    @Test
    void a_request_without_an_id_gets_a_reply_without_one() {
        JsonNode body = assertIrisReply(infer("""
                {"inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32",
                  "data": [5.1, 3.5, 1.4, 0.2, 7.7, 3.0, 6.1, 2.3]}]}"""));

        assertThat(body.has("id")).isFalse();
    }

    @Test
    void nested_data_is_read_in_row_major_order() {
        assertIrisReply(infer("""
                {"inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32",
                  "data": [[5.1, 3.5, 1.4, 0.2], [7.7, 3.0, 6.1, 2.3]]}]}"""));
    }

    @Test
    void data_may_come_before_shape_and_datatype() {
        assertIrisReply(infer("""
                {"inputs": [{"data": [5.1, 3.5, 1.4, 0.2, 7.7, 3.0, 6.1, 2.3],
                  "datatype": "FP32", "shape": [2, 4], "name": "input"}], "id": "42"}"""));
    }

    @Test
    void requested_outputs_filter_the_reply_and_parameters_are_ignored() {
        // As tritonclient.http writes it with binary_data=False, and KServe's client with parameters.
        JsonNode body = assertIrisReply(infer("""
                {"id": "7", "parameters": {"priority": 0},
                 "inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32",
                   "parameters": {"binary_data": false}, "data": [5.1, 3.5, 1.4, 0.2, 7.7, 3.0, 6.1, 2.3]}],
                 "outputs": [{"name": "output", "parameters": {"binary_data": false}}]}"""));

        assertThat(body.get("id").asText()).isEqualTo("7");
    }

    @Test
    void a_triton_client_body_without_content_type_is_read_as_json() {
        // tritonclient.http (geventhttpclient) sets no Content-Type on infer; Triton reads the body as JSON.
        TestResponse r = client.request("POST", "/v2/models/iris/infer")
                .body(INFER.getBytes(StandardCharsets.UTF_8), null).send();

        assertIrisReply(r);
    }

    @Test
    void json_with_a_charset_is_accepted() {
        TestResponse r = client.request("POST", "/v2/models/iris/infer")
                .body(INFER.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8").send();

        assertIrisReply(r);
    }

    @Test
    void a_binary_tensor_body_is_415() {
        TestResponse r = client.request("POST", "/v2/models/iris/infer")
                .header("Inference-Header-Content-Length", "10")
                .body(new byte[32], "application/octet-stream").send();

        assertThat(problem(r, 415).get("detail").asText()).contains("application/json");
    }

    @Test
    void an_unknown_requested_output_is_422() {
        String message = onlyError(infer("""
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}],
                 "outputs": [{"name": "probabilities"}]}"""), "body", "outputs");

        assertThat(message).contains("probabilities").contains("output");
    }

    // ---------------------------------------------------------------- bad requests

    @Test
    void a_datatype_other_than_the_models_is_422() {
        String message = onlyError(infer("""
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "INT64", "data": [5, 3, 1, 0]}]}"""),
                "body", "inputs", 0);

        assertThat(message).contains("input").contains("FP32").contains("INT64");
    }

    @Test
    void a_datatype_the_protocol_does_not_have_is_422() {
        String message = onlyError(infer("""
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FLOAT", "data": [5.1, 3.5, 1.4, 0.2]}]}"""),
                "body", "inputs", 0);

        assertThat(message).contains("FP32").contains("FLOAT");
    }

    @Test
    void fewer_values_than_the_shape_holds_is_422() {
        String message = onlyError(infer("""
                {"inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2, 7.7, 3.0, 6.1]}]}"""),
                "body", "inputs", 0);

        assertThat(message).contains("input").contains("7").contains("8");
    }

    @Test
    void more_values_than_the_shape_holds_is_422() {
        String message = onlyError(infer("""
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2, 7.7]}]}"""),
                "body", "inputs", 0);

        assertThat(message).contains("input").contains("4");
    }

    @Test
    void a_shape_the_model_does_not_take_is_422_naming_the_expected_shape() {
        String message = onlyError(infer("""
                {"inputs": [{"name": "input", "shape": [2, 2], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}"""),
                "body", "inputs", "input");

        assertThat(message).contains("[batch,4]").contains("[2,2]");
    }

    @Test
    void a_negative_shape_is_422() {
        String message = onlyError(infer("""
                {"inputs": [{"name": "input", "shape": [-1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}"""),
                "body", "inputs", 0, "shape");

        assertThat(message).contains("non-negative");
    }

    @Test
    void an_unknown_input_name_is_422_listing_the_real_inputs() {
        String message = onlyError(infer("""
                {"inputs": [{"name": "features", "shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}"""),
                "body", "inputs", 0);

        assertThat(message).contains("features").contains("input: float32[batch,4]");
    }

    @Test
    void an_input_missing_a_field_is_422() {
        String noData = onlyError(infer("""
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32"}]}"""), "body", "inputs", 0);
        String noShape = onlyError(infer("""
                {"inputs": [{"name": "input", "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}"""), "body", "inputs", 0);

        assertThat(noData).contains("data");
        assertThat(noShape).contains("shape");
    }

    @Test
    void a_body_without_inputs_is_422() {
        String missing = onlyError(infer("{\"id\": \"1\"}"), "body", "inputs");
        String notArray = onlyError(infer("{\"inputs\": {\"input\": [[5.1, 3.5, 1.4, 0.2]]}}"), "body", "inputs");

        assertThat(missing).contains("required");
        assertThat(notArray).contains("array");
    }

    @Test
    void an_empty_inputs_array_is_422_naming_the_missing_input() {
        String message = onlyError(infer("{\"inputs\": []}"), "body", "inputs", "input");

        assertThat(message).contains("missing").contains("input");
    }

    @Test
    void a_non_string_id_is_422() {
        onlyError(infer("""
                {"id": 42, "inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}"""),
                "body", "id");
    }

    @Test
    void malformed_json_is_400_without_parser_internals() {
        JsonNode body = problem(infer("{\"inputs\": [{\"name\": \"input\""), 400);

        String detail = body.get("detail").asText();
        assertThat(detail).startsWith("malformed JSON");
        assertThat(detail).doesNotContain("Source:").doesNotContain("StreamReadFeature").doesNotContain("com.fasterxml");
    }

    @Test
    void a_body_that_is_not_an_object_is_422() {
        problem(infer("[1, 2]"), 422);
    }

    @Test
    void the_server_keeps_serving_after_bad_requests() {
        infer("{\"inputs\": [{\"name\": \"input\"");
        infer("{\"inputs\": []}");
        infer("""
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "INT64", "data": [5, 3, 1, 0]}]}""");

        assertIrisReply(infer(INFER));
    }
}
