package barista.observe;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Meters a module registers through {@code Metrics.of(app).registry()} appear in the scrape. */
class AppMetersTest {

    @Test
    void counter_is_exported_with_total_suffix_and_tags() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        MeterRegistry registry = Metrics.of(app).registry();
        Counter.builder("model.predictions").description("Predictions made").tag("model", "iris")
                .register(registry).increment(3);

        try (TestClient client = TestClient.inProcess(app)) {
            assertThat(client.get("/metrics").text())
                    .contains("# HELP model_predictions_total Predictions made")
                    .contains("model_predictions_total{model=\"iris\"} 3.0");
        }
    }

    @Test
    void timer_with_percentile_histogram_is_exported_with_buckets() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        Timer latency = Timer.builder("model.latency").tag("model", "iris").publishPercentileHistogram()
                .register(Metrics.of(app).registry());
        latency.record(Duration.ofMillis(20));
        latency.record(Duration.ofMillis(40));

        try (TestClient client = TestClient.inProcess(app)) {
            assertThat(client.get("/metrics").text())
                    .contains("# TYPE model_latency_seconds histogram")
                    .contains("model_latency_seconds_bucket{model=\"iris\",le=\"+Inf\"} 2")
                    .containsPattern("model_latency_seconds_bucket\\{model=\"iris\",le=\"0\\.0[0-9]+\"} 0")
                    .contains("model_latency_seconds_count{model=\"iris\"} 2")
                    .contains("model_latency_seconds_sum{model=\"iris\"} 0.06")
                    .contains("model_latency_seconds_max{model=\"iris\"} 0.04");
        }
    }

    @Test
    void distribution_summary_with_percentile_histogram_is_exported_with_buckets() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        DistributionSummary batch = DistributionSummary.builder("model.batch.size").publishPercentileHistogram()
                .register(Metrics.of(app).registry());
        batch.record(8);

        assertThat(Metrics.of(app).scrape())
                .contains("# TYPE model_batch_size histogram")
                .contains("model_batch_size_bucket{le=\"+Inf\"} 1")
                .contains("model_batch_size_count 1");
    }

    @Test
    void timer_without_histogram_is_a_summary_without_buckets() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        Timer.builder("plain.work").register(Metrics.of(app).registry()).record(Duration.ofMillis(5));

        assertThat(Metrics.of(app).scrape())
                .contains("# TYPE plain_work_seconds summary")
                .contains("plain_work_seconds_count 1")
                .doesNotContain("plain_work_seconds_bucket");
    }
}
