package barista.inference;

import static barista.inference.ProblemChecks.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.inference.tensor.DType;
import barista.inference.tensor.Npy;
import barista.inference.tensor.Tensor;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iris predictions over a real socket: the predict routes run on the event loop and reply when
 * the batch completes, on the model's worker thread.
 */
class OverSocketPredictTest {
    private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};

    @TempDir
    Path dir;
    Barista app;
    TestClient client;
    float[][] features;

    @BeforeEach
    void start() {
        DemoModels.writeIris(dir);
        app = Apps.serving(dir);
        Apps.loaded(app);
        client = TestClient.overSocket(app);
        features = DemoModels.irisFeatures();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void json_in_json_out() {
        float[][] rows = {features[0], features[60], features[120]};
        TestResponse r = client.post("/models/iris/predict", Map.of("inputs", rows));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("X-Model-Version")).isEqualTo("1");
        int[] expected = DemoModels.irisPredictions(rows);
        assertThat(r.json().get("labels")).extracting(JsonNode::asText)
                .containsExactly(SPECIES[expected[0]], SPECIES[expected[1]], SPECIES[expected[2]]);
    }

    @Test
    void npy_in_npy_out() {
        float[][] rows = {features[10], features[70], features[140]};
        TestResponse r = client.request("POST", "/models/iris/predict").header("Accept", Npy.MEDIA_TYPE)
                .body(Npy.write(Tensor.ofFloats(rows)), Npy.MEDIA_TYPE).send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith(Npy.MEDIA_TYPE);
        Tensor out = Npy.read(r.body());
        assertThat(out.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(out.shape()).containsExactly(3, 3);
        float[][] expected = DemoModels.irisProbabilities(rows);
        float[] got = out.toFloats();
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 3; c++) {
                assertThat(got[row * 3 + c]).isCloseTo(expected[row][c], org.assertj.core.api.Assertions.within(1e-4f));
            }
        }
    }

    @Test
    void kserve_infer_over_the_socket() {
        TestResponse r = client.request("POST", "/v2/models/iris/infer").jsonText("""
                {"id": "s", "inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}""")
                .send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("outputs").get(0).get("shape").toString()).isEqualTo("[1,3]");
    }

    @Test
    void a_bad_request_is_a_problem_and_the_connection_keeps_serving() {
        TestResponse bad = client.request("POST", "/models/iris/predict").jsonText("{\"inputs\": [[1, 2]]}").send();
        TestResponse malformed = client.request("POST", "/models/iris/predict").jsonText("{\"inputs\": [[1, 2").send();
        TestResponse good = client.post("/models/iris/predict", Map.of("inputs", List.of(features[0])));

        onlyError(bad, "body", "inputs", "input");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(good.status()).as(good.text()).isEqualTo(200);
    }

    @Test
    void sixty_four_concurrent_requests_all_get_their_own_rows_back() throws Exception {
        int n = 64;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<TestResponse>> replies = new ArrayList<>();
            List<float[][]> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // 1 to 3 rows each, from all over the data set, so every reply has its own answer.
                int count = 1 + i % 3;
                float[][] rows = new float[count][];
                for (int k = 0; k < count; k++) {
                    rows[k] = features[(i * 7 + k * 53) % features.length];
                }
                sent.add(rows);
                boolean npy = i % 2 == 1;
                replies.add(pool.submit(() -> npy
                        ? client.request("POST", "/models/iris/predict").header("Accept", Npy.MEDIA_TYPE)
                                .body(Npy.write(Tensor.ofFloats(rows)), Npy.MEDIA_TYPE).send()
                        : client.post("/models/iris/predict", Map.of("inputs", rows))));
            }
            for (int i = 0; i < n; i++) {
                TestResponse r = replies.get(i).get(60, TimeUnit.SECONDS);
                float[][] rows = sent.get(i);
                int[] expected = DemoModels.irisPredictions(rows);
                assertThat(r.status()).as("request " + i + ": " + r.text()).isEqualTo(200);
                if (i % 2 == 1) {
                    Tensor out = Npy.read(r.body());
                    assertThat(out.shape()).as("request " + i).containsExactly(rows.length, 3);
                    assertThat(argmax(out)).as("request " + i).containsExactly(expected);
                } else {
                    List<String> labels = new ArrayList<>();
                    r.json().get("labels").forEach(l -> labels.add(l.asText()));
                    List<String> want = new ArrayList<>();
                    for (int e : expected) {
                        want.add(SPECIES[e]);
                    }
                    assertThat(labels).as("request " + i).isEqualTo(want);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int[] argmax(Tensor scores) {
        int n = Math.toIntExact(scores.shape()[0]);
        float[] flat = scores.toFloats();
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            for (int c = 1; c < 3; c++) {
                if (flat[r * 3 + c] > flat[r * 3 + out[r]]) {
                    out[r] = c;
                }
            }
        }
        return out;
    }
}
