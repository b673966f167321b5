package barista.observe;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import barista.test.TestResponse;
import org.junit.jupiter.api.Test;

/** The scrape through the real engine, as Prometheus makes it. */
class MetricsOverSocketTest {

    @Test
    void metrics_are_served_over_a_socket_in_both_formats() {
        Barista app = Barista.create(cfg -> cfg.port(0).requestLog(false));
        try (TestClient client = TestClient.overSocket(app)) {
            TestResponse text = client.get("/metrics");
            TestResponse openMetrics = client.request("GET", "/metrics")
                    .header("Accept", "application/openmetrics-text; version=1.0.0").send();

            assertThat(text.status()).isEqualTo(200);
            assertThat(text.header("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(text.text()).contains("jvm_memory_used_bytes");
            assertThat(openMetrics.header("content-type"))
                    .isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
            assertThat(openMetrics.text()).endsWith("# EOF\n");
        }
    }
}
