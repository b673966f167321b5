package barista.observe;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import barista.test.TestResponse;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenMetricsTest {

    /** What Prometheus 3 sends by default: protobuf first, which this endpoint does not serve. */
    private static final String PROMETHEUS_3_ACCEPT = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
            + "encoding=delimited;q=0.5,application/openmetrics-text;version=1.0.0;q=0.4,"
            + "application/openmetrics-text;version=0.0.1;q=0.3,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.2,"
            + "text/plain;version=0.0.4;q=0.1,*/*;q=0.05";

    @ParameterizedTest
    @ValueSource(strings = {"application/openmetrics-text", "application/openmetrics-text; version=1.0.0",
            PROMETHEUS_3_ACCEPT})
    void openmetrics_accept_gets_openmetrics_text_ending_in_eof(String accept) {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        try (TestClient client = TestClient.inProcess(app)) {
            TestResponse r = client.request("GET", "/metrics").header("Accept", accept).send();

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
            assertThat(r.text()).contains("jvm_memory_used_bytes").endsWith("# EOF\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/openmetrics-text;q=0, text/plain", "text/plain, application/openmetrics-text;q=0.5",
            "*/*", "application/json"})
    void accept_preferring_plain_text_or_neither_gets_prometheus_text(String accept) {
        assertThat(ScrapeFormat.forAccept(accept)).isEqualTo(ScrapeFormat.PROMETHEUS_TEXT);
    }

    @Test
    void content_types_match_the_prometheus_library_writers() {
        assertThat(ScrapeFormat.PROMETHEUS_TEXT.contentType()).isEqualTo(PrometheusTextFormatWriter.CONTENT_TYPE);
        assertThat(ScrapeFormat.OPENMETRICS_TEXT.contentType()).isEqualTo(OpenMetricsTextFormatWriter.CONTENT_TYPE);
    }
}
