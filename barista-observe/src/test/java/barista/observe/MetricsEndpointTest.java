package barista.observe;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import barista.test.TestResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    @Test
    void metrics_answers_prometheus_text_with_jvm_and_process_meters() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        try (TestClient client = TestClient.inProcess(app)) {
            TestResponse r = client.get("/metrics");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(r.header("vary")).isEqualTo("Accept");
            assertThat(r.text()).contains("# TYPE jvm_memory_used_bytes gauge", "jvm_memory_used_bytes{",
                    "jvm_threads_live_threads", "jvm_classes_loaded_classes", "system_cpu_count",
                    "process_uptime_seconds", "jvm_gc_memory_allocated_bytes_total");
            assertThat(r.text()).doesNotContain("# EOF");
        }
    }

    @Test
    void plain_text_accept_gets_prometheus_text() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        try (TestClient client = TestClient.inProcess(app)) {
            TestResponse r = client.request("GET", "/metrics").header("Accept", "text/plain").send();

            assertThat(r.header("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        }
    }

    @Test
    void metrics_scrape_is_the_prometheus_text_without_a_route() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false).property("barista.metrics.enabled", "false"));

        assertThat(Metrics.of(app).scrape()).contains("# TYPE jvm_memory_used_bytes gauge").doesNotContain("# EOF");
    }
}
