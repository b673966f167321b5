package barista.inference;

import static barista.inference.ProblemChecks.onlyError;
import static barista.inference.ProblemChecks.problem;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON predict bodies that do not fit the iris model: each a precise 4xx, and the server keeps serving. */
class BadTensorInputTest {
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
        // Whatever came before, a good request still gets its prediction.
        TestResponse ok = predict("{\"inputs\": [[5.1, 3.5, 1.4, 0.2]]}");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        app.stop();
    }

    private TestResponse predict(String json) {
        return client.request("POST", "/models/iris/predict").jsonText(json).send();
    }

    @Test
    void a_row_of_the_wrong_width_is_422_with_the_expected_shape() {
        String message = onlyError(predict("{\"inputs\": [[1, 2]]}"), "body", "inputs", "input");

        assertThat(message).contains("input").contains("expected shape [batch,4]").contains("[1,2]");
    }

    @Test
    void ragged_rows_are_422_naming_the_row() {
        String message = onlyError(predict("{\"inputs\": [[1, 2, 3, 4], [1, 2, 3]]}"), "body", "inputs", "input");

        assertThat(message).contains("input[1]").contains("expected 4 values").contains("got 3");
    }

    @Test
    void a_row_that_is_a_number_where_an_array_belongs_is_422() {
        String message = onlyError(predict("{\"inputs\": [[1, 2, 3, 4], 5]}"), "body", "inputs", "input");

        assertThat(message).contains("input[1]").contains("expected an array");
    }

    @Test
    void a_string_inside_is_422_naming_where() {
        String message = onlyError(predict("{\"inputs\": [[1, \"two\", 3, 4]]}"), "body", "inputs", "input");

        assertThat(message).contains("input[0][1]").contains("expected a number").contains("got a string");
    }

    @Test
    void a_null_inside_is_422_naming_where() {
        String message = onlyError(predict("{\"inputs\": [[1, 2, null, 4]]}"), "body", "inputs", "input");

        assertThat(message).contains("input[0][2]").contains("got null");
    }

    @Test
    void an_object_inside_is_422() {
        String message = onlyError(predict("{\"inputs\": [[1, 2, {\"x\": 3}, 4]]}"), "body", "inputs", "input");

        assertThat(message).contains("input[0][2]").contains("got an object");
    }

    @Test
    void a_boolean_inside_a_float_tensor_is_422() {
        String message = onlyError(predict("{\"inputs\": [[1, 2, true, 4]]}"), "body", "inputs", "input");

        assertThat(message).contains("input[0][2]").contains("got true");
    }

    @Test
    void a_number_too_large_for_float32_is_422_not_infinity() {
        String message = onlyError(predict("{\"inputs\": [[1, 2, 1e39, 4]]}"), "body", "inputs", "input");

        assertThat(message).contains("1e39").contains("out of range for float32");
    }

    @Test
    void nan_written_as_a_string_is_refused_by_default() {
        String message = onlyError(predict("{\"inputs\": [[1, \"NaN\", 3, 4]]}"), "body", "inputs", "input");

        assertThat(message).contains("NaN");
    }

    @Test
    void an_empty_batch_is_422() {
        String message = onlyError(predict("{\"inputs\": []}"), "body", "inputs", "input");

        assertThat(message).contains("[batch,4]");
    }

    @Test
    void an_empty_row_is_422() {
        String message = onlyError(predict("{\"inputs\": [[]]}"), "body", "inputs", "input");

        assertThat(message).contains("[batch,4]");
    }

    @Test
    void a_scalar_is_422() {
        String message = onlyError(predict("{\"inputs\": 5.1}"), "body", "inputs", "input");

        assertThat(message).contains("[batch,4]");
    }

    @Test
    void a_batch_over_the_models_limit_is_422_naming_the_limit() {
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            rows.add(List.of(5.1, 3.5, 1.4, 0.2));
        }
        TestResponse r = client.post("/models/iris/predict", Map.of("inputs", rows));

        String message = onlyError(r, "body", "inputs", "input");
        assertThat(message).contains("65").contains("64");
    }

    @Test
    void a_batch_at_the_limit_is_served() {
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            rows.add(List.of(5.1, 3.5, 1.4, 0.2));
        }
        TestResponse r = client.post("/models/iris/predict", Map.of("inputs", rows));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("labels").size()).isEqualTo(64);
    }

    @Test
    void a_body_without_inputs_is_422() {
        String message = onlyError(predict("{}"), "body", "inputs");

        assertThat(message).contains("required");
    }

    @Test
    void an_unknown_top_level_field_is_422() {
        String message = onlyError(predict("{\"inputs\": [[5.1, 3.5, 1.4, 0.2]], \"instances\": 1}"), "body", "instances");

        assertThat(message).contains("instances").contains("inputs");
    }

    @Test
    void an_unknown_input_name_is_422_listing_the_real_inputs() {
        String message = onlyError(predict("{\"inputs\": {\"nope\": [[1, 2, 3, 4]]}}"), "body", "inputs", "nope");

        assertThat(message).contains("nope").contains("input: float32[batch,4]");
    }

    @Test
    void an_empty_object_of_inputs_is_422_naming_the_missing_input() {
        String message = onlyError(predict("{\"inputs\": {}}"), "body", "inputs", "input");

        assertThat(message).contains("missing").contains("input");
    }

    @Test
    void a_body_that_is_not_an_object_is_422() {
        String message = onlyError(predict("[1, 2]"), "body");

        assertThat(message).contains("inputs");
    }

    @Test
    void invalid_json_is_400_without_parser_internals() {
        for (String bad : List.of("{\"inputs\": [[1, 2, 3, 4]", "{\"inputs\": [[1, 2, 3, 4]]", "{inputs: 1}",
                "{\"inputs\": [[1, 2, 3, 4]]} trailing")) {
            JsonNode body = problem(predict(bad), 400);

            String detail = body.get("detail").asText();
            assertThat(detail).as(bad).startsWith("malformed JSON");
            assertThat(detail).as(bad).doesNotContain("Source:").doesNotContain("REDACTED")
                    .doesNotContain("com.fasterxml").doesNotContain("Exception").doesNotContain("\n");
        }
    }

    @Test
    void an_empty_body_is_422_asking_for_an_object() {
        String message = onlyError(predict(""), "body");

        assertThat(message).contains("inputs");
    }

    @Test
    void nesting_deeper_than_any_model_is_a_client_error() {
        String deep = "[".repeat(40) + "1" + "]".repeat(40);
        String deeper = "[".repeat(2000) + "1" + "]".repeat(2000);

        assertThat(onlyError(predict("{\"inputs\": " + deep + "}"), "body", "inputs", "input")).contains("nested deeper");
        assertThat(predict("{\"inputs\": " + deeper + "}").status()).isBetween(400, 422);
    }

    @Test
    void a_timeout_header_that_is_not_a_number_is_400() {
        TestResponse r = client.request("POST", "/models/iris/predict").header("X-Timeout-Ms", "abc")
                .jsonText("{\"inputs\": [[5.1, 3.5, 1.4, 0.2]]}").send();

        assertThat(problem(r, 400).get("detail").asText()).contains("X-Timeout-Ms").contains("abc");
    }

    @Test
    void a_timeout_header_out_of_range_is_400() {
        for (String value : List.of("0", "-5", "3600001", "1.5")) {
            TestResponse r = client.request("POST", "/models/iris/predict").header("X-Timeout-Ms", value)
                    .jsonText("{\"inputs\": [[5.1, 3.5, 1.4, 0.2]]}").send();

            assertThat(problem(r, 400).get("detail").asText()).as(value).contains("X-Timeout-Ms");
        }
    }

    @Test
    void a_sensible_timeout_header_is_accepted() {
        TestResponse r = client.request("POST", "/models/iris/predict").header("X-Timeout-Ms", "5000")
                .jsonText("{\"inputs\": [[5.1, 3.5, 1.4, 0.2]]}").send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }
}
