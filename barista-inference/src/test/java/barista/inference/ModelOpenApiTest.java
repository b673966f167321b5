package barista.inference;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.demo.models.TestModels;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model endpoints in {@code /openapi.json} (barista-openapi is on the test class path): each
 * model found at start-up documents its own tensors, the generic routes cover the rest.
 */
class ModelOpenApiTest {
    @TempDir
    static Path dir;
    static Barista app;
    static JsonNode doc;
    static String text;

    @BeforeAll
    static void start() {
        DemoModels.writeIris(dir);
        TestModels.writeTwoInputs(dir, "add");
        app = Apps.serving(dir);
        Apps.loaded(app);
        TestResponse r = TestClient.inProcess(app).get("/openapi.json");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        text = r.text();
        doc = r.json();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static JsonNode predict(String path) {
        JsonNode op = doc.get("paths").get(path);
        assertThat(op).as("path " + path + " in " + fieldNames(doc.get("paths"))).isNotNull();
        return op.get("post");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void the_document_validates_as_openapi_3_1() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/models", "/models/{name}", "/models/{name}/predict",
                "/models/{name}/versions/{version}/predict", "/v2/models/{name}/infer");
    }

    @Test
    void the_generic_routes_are_documented() {
        assertThat(fieldNames(doc.get("paths"))).contains("/models/{name}/predict", "/models/{name}/versions/{version}/predict",
                "/v2", "/v2/health/ready", "/v2/models/{name}", "/v2/models/{name}/infer",
                "/v2/models/{name}/versions/{version}/infer");
        assertThat(predict("/models/{name}/predict").get("parameters").get(0).get("name").asText()).isEqualTo("name");
    }

    @Test
    void every_model_found_at_start_up_has_its_own_predict_route() {
        assertThat(fieldNames(doc.get("paths"))).contains("/models/iris/predict", "/models/iris/versions/{version}/predict",
                "/models/add/predict", "/models/add/versions/{version}/predict");
    }

    @Test
    void the_iris_request_schema_is_a_batch_of_four_numbers() {
        JsonNode schema = predict("/models/iris/predict").get("requestBody").get("content").get("application/json").get("schema");

        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("required").toString()).isEqualTo("[\"inputs\"]");
        JsonNode inputs = schema.get("properties").get("inputs");
        assertThat(inputs.get("type").asText()).isEqualTo("array");
        assertThat(inputs.get("minItems").asInt()).isEqualTo(1);
        assertThat(inputs.has("maxItems")).isFalse();
        JsonNode row = inputs.get("items");
        assertThat(row.get("type").asText()).isEqualTo("array");
        assertThat(row.get("minItems").asInt()).isEqualTo(4);
        assertThat(row.get("maxItems").asInt()).isEqualTo(4);
        assertThat(row.get("items").get("type").asText()).isEqualTo("number");
        assertThat(inputs.get("description").asText()).contains("input").contains("float32");
    }

    @Test
    void the_iris_response_schema_names_its_output_and_labels() {
        JsonNode schema = predict("/models/iris/predict").get("responses").get("200").get("content")
                .get("application/json").get("schema");

        JsonNode output = schema.get("properties").get("outputs").get("properties").get("output");
        assertThat(output.get("items").get("maxItems").asInt()).isEqualTo(3);
        assertThat(schema.get("properties").get("labels").get("items").get("type").asText()).isEqualTo("string");
    }

    @Test
    void the_two_input_request_schema_requires_both_by_name() {
        JsonNode inputs = predict("/models/add/predict").get("requestBody").get("content").get("application/json")
                .get("schema").get("properties").get("inputs");

        assertThat(inputs.get("type").asText()).isEqualTo("object");
        assertThat(inputs.get("required")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(inputs.get("properties").get("b").get("items").get("maxItems").asInt()).isEqualTo(2);
    }

    @Test
    void json_and_npy_are_listed_both_ways() {
        for (String path : List.of("/models/{name}/predict", "/models/iris/predict")) {
            JsonNode op = predict(path);

            assertThat(fieldNames(op.get("requestBody").get("content"))).as(path)
                    .containsExactly("application/json", "application/x-npy");
            assertThat(fieldNames(op.get("responses").get("200").get("content"))).as(path)
                    .containsExactly("application/json", "application/x-npy");
            assertThat(op.get("responses").has("422")).as(path).isTrue();
        }
    }

    @Test
    void the_model_routes_are_tagged() {
        assertThat(predict("/models/{name}/predict").get("tags").toString()).isEqualTo("[\"models\"]");
        assertThat(doc.get("paths").get("/v2/models/{name}/infer").get("post").get("tags").toString())
                .isEqualTo("[\"open inference protocol\"]");
    }
}
