package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's live figures count what the model served: after 40 predictions the iris entry
 * of {@code /admin/stats.json} says 40 requests, a rate above zero and latencies that make sense,
 * and the dashboard shows the same model with its serving version.
 */
class LiveFiguresTest {
    @TempDir
    static Path dir;
    static TestAdmin admin;
    static TestAdmin.Browser root;

    @BeforeAll
    static void start() {
        admin = TestAdmin.withIris(dir, cfg -> { });
        root = admin.userWithRoles("root", "admin");
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void forty_predictions_show_as_forty_requests_with_a_rate_and_latencies() throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            assertThat(admin.client.post("/models/iris/predict", Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2))))
                    .status()).isEqualTo(200);
        }

        JsonNode iris = null;
        for (int i = 0; i < 50 && (iris == null || iris.get("requests").asLong() < 40); i++) { // sampled once a second
            Thread.sleep(100);
            iris = irisFigures();
        }

        assertThat(iris).as("iris in /admin/stats.json").isNotNull();
        assertThat(iris.get("requests").asLong()).isEqualTo(40);
        assertThat(iris.get("serving").asText()).isEqualTo("1");
        assertThat(iris.get("requestsPerSecond").asDouble()).isPositive();
        double p50 = iris.get("p50Millis").asDouble();
        double p99 = iris.get("p99Millis").asDouble();
        assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThan(5_000);
        assertThat(root.get("/admin").text()).contains("iris");
    }

    private static JsonNode irisFigures() {
        for (JsonNode m : root.get("/admin/stats.json").json().get("models")) {
            if (m.get("name").asText().equals("iris")) {
                return m;
            }
        }
        return null;
    }
}
