package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.Resource;
import barista.Context;
import barista.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Transport.class)
class ResponseEncodingTest {
    @Parameter
    Transport transport;
    TestClient client;

    record Point(int x, int y) {}

    static final class Points implements Resource {
        @Override
        public Point get(Context ctx) {
            return new Point(1, 2);
        }

        @Override
        public Object post(Context ctx) {
            return Response.created(new Point(3, 4)).withHeader("Location", "/points/1");
        }
    }

    @BeforeEach
    void start() {
        Barista app = Transport.app();
        app.get("/record", ctx -> new Point(1, 2));
        app.get("/list", ctx -> List.of(1, 2, 3));
        app.get("/text", ctx -> "h\u00e9llo");
        app.get("/bytes", ctx -> new byte[] {1, 2, 3});
        app.get("/nothing", ctx -> null);
        app.get("/custom", ctx -> {
            ctx.status(202).header("X-Custom", "yes");
            return new Point(0, 0);
        });
        app.get("/html", ctx -> Response.of("text/html; charset=utf-8", "<p>hi</p>"));
        app.resource("/points", new Points());
        app.get("/csv", ctx -> {
            ctx.header("Content-Type", "text/csv");
            return "a,b\n1,2\n";
        });
        app.get("/redirect", ctx -> {
            ctx.status(302).header("Location", ctx.query("next"));
            return null;
        });
        client = transport.client(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void records_and_lists_are_json() {
        assertThat(client.get("/record").text()).isEqualTo("{\"x\":1,\"y\":2}");
        assertThat(client.get("/list").text()).isEqualTo("[1,2,3]");
        assertThat(client.get("/list").header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void strings_are_utf8_text_and_bytes_are_octet_stream() {
        var text = client.get("/text");
        assertThat(text.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(text.text()).isEqualTo("h\u00e9llo");
        var bytes = client.get("/bytes");
        assertThat(bytes.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(bytes.body()).containsExactly(1, 2, 3);
    }

    @Test
    void null_result_is_204_with_no_body() {
        var r = client.get("/nothing");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void context_sets_status_and_headers() {
        var r = client.get("/custom");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("X-Custom")).isEqualTo("yes");
    }

    @Test
    void explicit_response_sets_content_type_status_and_headers() {
        var html = client.get("/html");
        assertThat(html.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hi</p>");
        var created = client.request("POST", "/points").send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/points/1");
    }

    @Test
    void resource_serves_only_the_methods_it_overrides() {
        assertThat(client.get("/points").json().get("y").asInt()).isEqualTo(2);
        var r = client.delete("/points");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("GET, POST, HEAD, OPTIONS");
    }

    @Test
    void a_handler_content_type_replaces_the_default_one() {
        var r = client.get("/csv");
        assertThat(r.headers().get("content-type")).containsExactly("text/csv");
    }

    @Test
    void a_header_value_that_would_split_the_response_is_a_500_not_a_hang() {
        var ok = client.get("/redirect?next=/home");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).isEqualTo("/home");
        var bad = client.get("/redirect?next=%0d%0aSet-Cookie:%20x=1");
        assertThat(bad.status()).isEqualTo(500);
        assertThat(bad.header("Set-Cookie")).isNull();
    }

    @Test
    void head_has_the_get_headers_and_no_body() {
        var r = client.request("HEAD", "/record").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Length")).isEqualTo("13");
    }
}
