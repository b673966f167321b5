package barista.inference;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelMetricsTest {
    @TempDir
    Path dir;
    Barista app;

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void metrics_count_requests_by_outcome_and_time_queue_inference_and_batch_size() {
        DemoModels.writeIris(dir);
        app = Apps.serving(dir);
        Apps.loaded(app);
        TestClient client = TestClient.inProcess(app);
        for (int i = 0; i < 3; i++) {
            client.post("/models/iris/predict", Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2), List.of(6.2, 2.9, 4.3, 1.3))));
        }
        client.post("/models/iris/predict", Map.of("inputs", List.of(List.of(1, 2))));
        System.gc(); // a gauge whose object only Micrometer holds (weakly) would read NaN after it

        String text = client.get("/metrics").text();

        assertThat(text).contains("barista_model_requests_total{model=\"iris\",outcome=\"ok\",version=\"1\"} 3.0");
        assertThat(text).contains("barista_model_requests_total{model=\"iris\",outcome=\"invalid\",version=\"1\"} 1.0");
        assertThat(text).contains("barista_model_queue_seconds_bucket{model=\"iris\"");
        assertThat(text).contains("barista_model_inference_seconds_count{model=\"iris\",version=\"1\"} 3");
        assertThat(text).contains("barista_model_batch_size_rows_bucket{model=\"iris\",version=\"1\",le=\"2.0\"} 3");
        assertThat(text).contains("barista_model_queue_depth{model=\"iris\",version=\"1\"} 0.0");
    }

    @Test
    void reloading_a_version_in_place_keeps_its_metrics() throws Exception {
        DemoModels.writeIris(dir, "1");
        app = Apps.serving(dir);
        Models models = Apps.loaded(app);
        TestClient client = TestClient.inProcess(app);
        client.post("/models/iris/predict", Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2))));

        models.load("iris", "1", dir.resolve("iris/1/model.onnx"));
        Thread.sleep(300); // the old instance drains and closes
        client.post("/models/iris/predict", Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2))));

        assertThat(client.get("/metrics").text())
                .contains("barista_model_requests_total{model=\"iris\",outcome=\"ok\",version=\"1\"} 2.0");
    }

    @Test
    void an_unloaded_version_takes_its_metrics_with_it() throws Exception {
        DemoModels.writeIris(dir, "1");
        DemoModels.writeIris(dir, "2");
        app = Apps.serving(dir);
        Models models = Apps.loaded(app);
        models.unload("iris", "1");
        Thread.sleep(300); // the drain completes on the worker

        String text = TestClient.inProcess(app).get("/metrics").text();
        assertThat(text).contains("version=\"2\"").doesNotContain("version=\"1\"");
    }
}
