package barista.inference;

import static barista.inference.ProblemChecks.locations;
import static barista.inference.ProblemChecks.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.TestModels;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model with two named inputs, {@code sum = a + b}, all float32 {@code [batch, 2]}. */
class TwoInputsModelTest {
    @TempDir
    Path dir;
    Barista app;
    TestClient client;

    @BeforeEach
    void start() {
        TestModels.writeTwoInputs(dir, "add");
        app = Apps.serving(dir);
        Apps.loaded(app);
        client = TestClient.inProcess(app);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private TestResponse predict(String inputs) {
        return client.request("POST", "/models/add/predict").jsonText("{\"inputs\": " + inputs + "}").send();
    }

    @Test
    void named_inputs_give_their_sum() {
        TestResponse r = predict("{\"a\": [[1, 2], [3, 4]], \"b\": [[10, 20], [30, 40.5]]}");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("model").asText()).isEqualTo("add");
        assertThat(body.get("outputs").get("sum").toString()).isEqualTo("[[11.0,22.0],[33.0,44.5]]");
        assertThat(body.has("labels")).isFalse();
    }

    @Test
    void inputs_may_come_in_any_order() {
        TestResponse r = predict("{\"b\": [[0.5, 0.5]], \"a\": [[1, 2]]}");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("outputs").get("sum").toString()).isEqualTo("[[1.5,2.5]]");
    }

    @Test
    void the_signature_lists_both_inputs() {
        JsonNode v = client.get("/models/add").json().get("versions").get(0);

        assertThat(v.get("inputs")).extracting(i -> i.get("name").asText()).containsExactly("a", "b");
        assertThat(v.get("outputs").get(0).get("name").asText()).isEqualTo("sum");
        assertThat(v.get("outputs").get(0).get("shape").toString()).isEqualTo("[-1,2]");
    }

    @Test
    void a_missing_input_is_422_at_its_name() {
        String message = onlyError(predict("{\"b\": [[1, 2]]}"), "body", "inputs", "a");

        assertThat(message).contains("missing").contains("a: float32[batch,2]");
    }

    @Test
    void both_inputs_missing_lists_both() {
        assertThat(locations(predict("{}")))
                .containsExactlyInAnyOrder("[\"body\",\"inputs\",\"a\"]", "[\"body\",\"inputs\",\"b\"]");
    }

    @Test
    void different_row_counts_are_422() {
        String message = onlyError(predict("{\"a\": [[1, 2], [3, 4]], \"b\": [[1, 2], [3, 4], [5, 6]]}"),
                "body", "inputs", "b");

        assertThat(message).contains("3 rows").contains("2");
    }

    @Test
    void every_bad_input_is_listed_not_just_the_first() {
        TestResponse r = predict("{\"a\": [[1, 2, 3]], \"b\": [[1]]}");

        assertThat(locations(r)).containsExactly("[\"body\",\"inputs\",\"a\"]", "[\"body\",\"inputs\",\"b\"]");
        JsonNode errors = r.json().get("errors");
        assertThat(errors.get(0).get("message").asText()).contains("[batch,2]").contains("[1,3]");
        assertThat(errors.get(1).get("message").asText()).contains("[batch,2]").contains("[1,1]");
    }

    @Test
    void an_unknown_input_is_422_listing_both_real_inputs() {
        String message = onlyError(predict("{\"a\": [[1, 2]], \"b\": [[1, 2]], \"c\": [[1, 2]]}"), "body", "inputs", "c");

        assertThat(message).contains("c").contains("a: float32[batch,2]").contains("b: float32[batch,2]");
    }

    @Test
    void a_bare_array_is_422_asking_for_inputs_by_name() {
        String message = onlyError(predict("[[1, 2]]"), "body", "inputs");

        assertThat(message).contains("a: float32[batch,2]").contains("b: float32[batch,2]").contains("\"name\"");
    }

    @Test
    void kserve_infer_with_two_inputs_gives_the_sum() {
        TestResponse r = client.request("POST", "/v2/models/add/infer").jsonText("""
                {"id": "s1", "inputs": [
                  {"name": "a", "shape": [2, 2], "datatype": "FP32", "data": [1, 2, 3, 4]},
                  {"name": "b", "shape": [2, 2], "datatype": "FP32", "data": [10, 20, 30, 40]}]}""").send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode out = r.json().get("outputs").get(0);
        assertThat(out.get("name").asText()).isEqualTo("sum");
        assertThat(out.get("shape").toString()).isEqualTo("[2,2]");
        assertThat(out.get("data").toString()).isEqualTo("[11.0,22.0,33.0,44.0]");
        assertThat(r.json().get("id").asText()).isEqualTo("s1");
    }

    @Test
    void kserve_infer_missing_an_input_is_422() {
        TestResponse r = client.request("POST", "/v2/models/add/infer").jsonText("""
                {"inputs": [{"name": "a", "shape": [1, 2], "datatype": "FP32", "data": [1, 2]}]}""").send();

        assertThat(onlyError(r, "body", "inputs", "b")).contains("missing");
    }

    @Test
    void kserve_infer_with_the_same_input_twice_is_422() {
        TestResponse r = client.request("POST", "/v2/models/add/infer").jsonText("""
                {"inputs": [{"name": "a", "shape": [1, 2], "datatype": "FP32", "data": [1, 2]},
                            {"name": "a", "shape": [1, 2], "datatype": "FP32", "data": [3, 4]},
                            {"name": "b", "shape": [1, 2], "datatype": "FP32", "data": [5, 6]}]}""").send();

        assertThat(onlyError(r, "body", "inputs", 1)).contains("a");
    }

    @Test
    void the_same_input_twice_is_422() {
        String message = onlyError(predict("{\"a\": [[1, 2]], \"a\": [[3, 4]], \"b\": [[5, 6]]}"), "body", "inputs", "a");

        assertThat(message).contains("a");
    }
}
