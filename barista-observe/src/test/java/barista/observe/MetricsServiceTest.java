package barista.observe;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;

/** One registry per app: modules share it, two apps in one JVM don't. */
class MetricsServiceTest {

    @Test
    void of_returns_the_same_metrics_for_one_app() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));

        assertThat(Metrics.of(app)).isSameAs(Metrics.of(app));
        assertThat(Metrics.of(app).registry()).isSameAs(Metrics.of(app).registry());
    }

    @Test
    void two_apps_have_separate_registries() {
        Barista first = Barista.create(cfg -> cfg.requestLog(false));
        Barista second = Barista.create(cfg -> cfg.requestLog(false));
        Counter.builder("only.first").register(Metrics.of(first).registry()).increment();

        assertThat(Metrics.of(first).registry()).isNotSameAs(Metrics.of(second).registry());
        assertThat(Metrics.of(first).scrape()).contains("only_first_total 1.0");
        assertThat(Metrics.of(second).scrape()).doesNotContain("only_first");
    }

    @Test
    void metrics_registered_after_start_still_appear() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        app.routes();
        Counter.builder("late.meter").register(Metrics.of(app).registry()).increment();

        assertThat(Metrics.of(app).scrape()).contains("late_meter_total 1.0");
    }
}
