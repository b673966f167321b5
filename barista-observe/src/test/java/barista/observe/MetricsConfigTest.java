package barista.observe;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.routing.Route;
import barista.test.TestClient;
import org.junit.jupiter.api.Test;

/** {@code barista.metrics.enabled} and {@code barista.metrics.path}, and the route staying out of the docs. */
class MetricsConfigTest {

    @Test
    void metrics_enabled_false_gives_404() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false).property("barista.metrics.enabled", "false"));
        app.get("/hello", ctx -> "hi");

        try (TestClient client = TestClient.inProcess(app)) {
            assertThat(client.get("/metrics").status()).isEqualTo(404);
            assertThat(client.get("/hello").status()).isEqualTo(200);
        }
        assertThat(app.routes()).noneMatch(r -> r.path().text().equals("/metrics"));
    }

    @Test
    void metrics_path_moves_the_route() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false).property("barista.metrics.path", "/internal/metrics"));

        try (TestClient client = TestClient.inProcess(app)) {
            assertThat(client.get("/internal/metrics").status()).isEqualTo(200);
            assertThat(client.get("/internal/metrics").text()).contains("jvm_memory_used_bytes");
            assertThat(client.get("/metrics").status()).isEqualTo(404);
        }
    }

    @Test
    void metrics_route_is_hidden_from_the_docs() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));

        Route metrics = app.routes().stream().filter(r -> r.path().text().equals("/metrics")).findFirst().orElseThrow();
        assertThat(metrics.hidden()).isTrue();
    }
}
