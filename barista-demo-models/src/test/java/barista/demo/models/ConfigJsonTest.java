package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConfigJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path models;

    private JsonNode written(DemoModel model) throws Exception {
        model.write(models);
        return JSON.readTree(Files.readString(models.resolve(model.modelName()).resolve("config.json")));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @ParameterizedTest
    @EnumSource(DemoModel.class)
    void config_json_has_exactly_the_agreed_keys(DemoModel model) throws Exception {
        JsonNode config = written(model);

        assertThat(keys(config)).containsExactly("description", "labels", "batching", "warmup");
        assertThat(keys(config.path("batching")))
                .containsExactly("maxBatchSize", "maxQueueDelayMicros", "maxQueue", "timeoutMillis");
        assertThat(keys(config.path("warmup"))).containsExactly("input");
        assertThat(config.path("labels").size()).isEqualTo(model.labels().size());
    }

    @Test
    void iris_config_json_is_the_documented_example() throws Exception {
        JsonNode config = written(DemoModel.IRIS);

        assertThat(config).isEqualTo(JSON.readTree("""
                {"description": "Iris species from sepal and petal measurements (logistic regression, trained at build time)",
                 "labels": ["setosa", "versicolor", "virginica"],
                 "batching": {"maxBatchSize": 64, "maxQueueDelayMicros": 500, "maxQueue": 2048, "timeoutMillis": 1000},
                 "warmup": {"input": [[5.1, 3.5, 1.4, 0.2]]}}
                """));
    }

    @Test
    void digits_and_wide_label_the_digits_and_wide_says_it_is_a_benchmark() throws Exception {
        JsonNode digits = written(DemoModel.DIGITS);
        JsonNode wide = written(DemoModel.WIDE);

        assertThat(digits.path("labels")).isEqualTo(JSON.readTree("[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]"));
        assertThat(wide.path("labels")).isEqualTo(digits.path("labels"));
        assertThat(wide.path("description").asText()).contains("Benchmark");
    }

    @ParameterizedTest
    @EnumSource(DemoModel.class)
    void warmup_input_runs_through_the_model(DemoModel model) throws Exception {
        JsonNode rows = written(model).path("warmup").path("input");
        float[][] input = JSON.treeToValue(rows, float[][].class);

        try (OrtSession session = Ort.session(model.onnx())) {
            float[][] output = Ort.run(session, "input", input);

            assertThat(output).hasNumberOfRows(input.length);
            assertThat(output[0]).hasSize(model.labels().size());
        }
    }
}
