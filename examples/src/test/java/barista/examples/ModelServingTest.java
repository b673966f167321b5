package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import barista.test.TestResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's models: the typed POST /iris, and the same model served with no code. */
class ModelServingTest {
    static Barista app;
    static TestClient client;

    @BeforeAll
    static void start() throws InterruptedException {
        app = DemoServer.app(Barista.create(cfg -> cfg.port(0).requestLog(false)
                .property("barista.models.dir", DemoServer.modelsDir().toString())));
        client = TestClient.overSocket(app);
        DemoModelsLoaded.await(app);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void iris_answers_one_class_per_row() {
        TestResponse r = client.post("/iris", Map.of("features", List.of(
                List.of(5.1, 3.5, 1.4, 0.2), List.of(6.2, 2.9, 4.3, 1.3), List.of(7.7, 3.0, 6.1, 2.3))));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("{\"classes\":[0,1,2]}");
    }

    @Test
    void iris_rows_must_have_four_values() {
        TestResponse r = client.post("/iris", Map.of("features", List.of(List.of(1, 2))));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("location").toString()).isEqualTo("[\"body\",\"features\",0]");
    }

    @Test
    void iris_refuses_an_empty_batch_and_one_over_64_rows() {
        assertThat(client.post("/iris", Map.of("features", List.of())).status()).isEqualTo(422);
        List<List<Double>> rows = new ArrayList<>(Collections.nCopies(65, List.of(5.1, 3.5, 1.4, 0.2)));
        assertThat(client.post("/iris", Map.of("features", rows)).status()).isEqualTo(422);
    }

    @Test
    void the_same_model_is_served_with_no_code() {
        TestResponse r = client.post("/models/iris/predict", Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2))));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("labels").get(0).asText()).isEqualTo("setosa");
        assertThat(client.get("/models").json()).extracting(m -> m.get("name").asText())
                .containsExactly("digits", "iris");
    }

    @Test
    void digits_classifies_a_handwritten_zero() {
        float[] zero = barista.demo.models.DemoModels.digitsFeatures()[0];
        List<Float> pixels = new ArrayList<>();
        for (float p : zero) {
            pixels.add(p);
        }
        TestResponse r = client.post("/models/digits/predict", Map.of("inputs", List.of(pixels)));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("labels").get(0).asText()).isEqualTo("0");
    }
}
