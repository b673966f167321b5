package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.http.HttpError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Transport.class)
class ErrorResponsesTest {
    @Parameter
    Transport transport;
    TestClient client;

    private TestClient start(boolean devMode) {
        Barista app = Transport.app(cfg -> cfg.devMode(devMode));
        app.get("/boom", ctx -> {
            throw new IllegalStateException("secret database password is hunter2");
        });
        app.get("/missing", ctx -> {
            throw new HttpError.NotFound("no such thing");
        });
        app.get("/conflict", ctx -> {
            throw new HttpError.Conflict("already exists");
        });
        app.post("/thing", ctx -> "made");
        client = transport.client(app);
        return client;
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void unknown_route_is_404_problem() {
        var r = start(false).get("/nowhere");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("title").asText()).isEqualTo("Not Found");
        assertThat(r.json().get("instance").asText()).isEqualTo("/nowhere");
    }

    @Test
    void wrong_method_is_405_with_allow() {
        var r = start(false).get("/thing");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void options_answers_204_with_allow() {
        var r = start(false).request("OPTIONS", "/thing").send();
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void handler_exception_is_500_with_request_id_and_no_internals() {
        var r = start(false).request("GET", "/boom").header("X-Request-Id", "trace-me-1").send();
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.header("X-Request-Id")).isEqualTo("trace-me-1");
        assertThat(r.json().get("requestId").asText()).isEqualTo("trace-me-1");
        assertThat(r.text()).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at barista");
    }

    @Test
    void the_500_request_id_is_in_the_error_log_line_with_the_stack_trace() {
        try (LogCapture log = LogCapture.of("barista")) {
            var r = start(false).get("/boom");
            String id = r.json().get("requestId").asText();
            assertThat(log.records).anySatisfy(rec -> {
                assertThat(rec.getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
                assertThat(rec.getMessage()).contains("request_id=" + id).contains("GET /boom");
                assertThat(rec.getThrown()).isInstanceOf(IllegalStateException.class);
            });
        }
    }

    @Test
    void dev_mode_500_shows_the_exception_and_trace() {
        var r = start(true).get("/boom");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("detail").asText()).contains("IllegalStateException");
        assertThat(r.json().get("trace").get(0).asText()).contains("IllegalStateException");
    }

    @Test
    void dev_mode_500_for_a_browser_is_an_escaped_html_page() {
        var r = start(true).request("GET", "/boom").header("Accept", "text/html").send();
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.text()).contains("<h1>500 Internal Server Error</h1>").contains("IllegalStateException");
    }

    @Test
    void http_errors_keep_their_status_and_detail() {
        start(false);
        assertThat(client.get("/missing").json().get("detail").asText()).isEqualTo("no such thing");
        assertThat(client.get("/missing").status()).isEqualTo(404);
        assertThat(client.get("/conflict").status()).isEqualTo(409);
    }

    @Test
    void client_request_id_that_is_not_plain_is_replaced() {
        var r = start(false).request("GET", "/missing").header("X-Request-Id", "bad id\" with spaces").send();
        assertThat(r.header("X-Request-Id")).matches("[0-9a-f]{8}-[0-9a-f]+");
    }
}
