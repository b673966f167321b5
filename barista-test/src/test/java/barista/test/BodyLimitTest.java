package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Transport.class)
class BodyLimitTest {
    @Parameter
    Transport transport;
    TestClient client;
    Barista app;

    record Blob(String data) {}

    @BeforeEach
    void start() {
        app = Transport.app(cfg -> cfg.maxBodyBytes(1000));
        app.post("/upload", Blob.class, (ctx, b) -> b.data().length());
        client = transport.client(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private static String json(int chars) {
        char[] c = new char[chars];
        Arrays.fill(c, 'x');
        return "{\"data\":\"" + new String(c) + "\"}";
    }

    @Test
    void body_within_the_limit_is_accepted() {
        assertThat(client.request("POST", "/upload").jsonText(json(900)).send().text()).isEqualTo("900");
    }

    @Test
    void body_over_the_limit_is_413_problem() {
        var r = client.request("POST", "/upload").jsonText(json(5000)).send();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("1000 bytes");
    }

    @Test
    void a_large_upload_over_the_limit_gets_the_413_with_or_without_a_length() throws Exception {
        if (transport != Transport.SOCKET) {
            return;
        }
        byte[] big = json(5 * 1024 * 1024).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (boolean chunked : new boolean[] {false, true}) {
            try (var http = java.net.http.HttpClient.newHttpClient()) {
                var publisher = chunked
                        ? java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(big);
                var resp = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + app.port() + "/upload"))
                        .header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(10))
                        .POST(publisher).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(resp.statusCode()).as("chunked=" + chunked).isEqualTo(413);
            }
        }
    }

    @Test
    void expect_100_continue_gets_a_continue_then_the_answer() throws Exception {
        if (transport != Transport.SOCKET) {
            return;
        }
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var resp = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + app.port() + "/upload"))
                    .expectContinue(true).header("Content-Type", "application/json")
                    .timeout(java.time.Duration.ofSeconds(5))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json(10))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).isEqualTo(200);
            assertThat(resp.body()).isEqualTo("10");
        }
    }

    @Test
    void chunked_body_over_the_limit_is_413_while_reading() throws Exception {
        if (transport != Transport.SOCKET) {
            return; // chunked transfer only exists on a socket
        }
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[600];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 3; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
    }
}
