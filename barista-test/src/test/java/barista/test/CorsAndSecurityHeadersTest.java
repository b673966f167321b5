package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Transport.class)
class CorsAndSecurityHeadersTest {
    @Parameter
    Transport transport;
    TestClient client;

    private TestClient start(java.util.function.Consumer<barista.Config.Builder> cfg) {
        Barista app = Transport.app(cfg);
        app.get("/data", ctx -> java.util.Map.of("ok", true));
        app.post("/data", ctx -> "posted");
        client = transport.client(app);
        return client;
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void security_headers_are_on_by_default() {
        var r = start(cfg -> { }).get("/data");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void security_headers_can_be_turned_off() {
        var r = start(cfg -> cfg.securityHeaders(false)).get("/data");
        assertThat(r.header("X-Content-Type-Options")).isNull();
    }

    @Test
    void allowed_origin_gets_cors_headers_and_others_do_not() {
        start(cfg -> cfg.corsOrigins("https://app.example"));
        var allowed = client.request("GET", "/data").header("Origin", "https://app.example").send();
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
        assertThat(allowed.header("Vary")).isEqualTo("Origin");
        assertThat(allowed.header("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");
        var other = client.request("GET", "/data").header("Origin", "https://evil.example").send();
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        assertThat(other.header("Vary")).isEqualTo("Origin");
    }

    @Test
    void preflight_is_answered_for_allowed_origins_and_refused_for_others() {
        start(cfg -> cfg.corsOrigins("https://app.example"));
        var ok = client.request("OPTIONS", "/data").header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST").send();
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
        assertThat(ok.header("Access-Control-Max-Age")).isEqualTo("600");
        var refused = client.request("OPTIONS", "/data").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void wildcard_origin_answers_star() {
        var r = start(cfg -> cfg.corsOrigins("*")).request("GET", "/data").header("Origin", "https://x.example").send();
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }
}
