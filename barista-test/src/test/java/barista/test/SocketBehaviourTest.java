package barista.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** What only a real socket shows: threading, gzip, malformed requests, graceful shutdown. */
class SocketBehaviourTest {

    @Test
    void handlers_run_on_virtual_threads_unless_they_opt_into_the_event_loop() {
        Barista app = Transport.app();
        app.get("/where", ctx -> Thread.currentThread().isVirtual() ? "virtual" : "platform");
        app.get("/loop", ctx -> Thread.currentThread().isVirtual() ? "virtual" : Thread.currentThread().getName())
                .onEventLoop();
        try (var client = TestClient.overSocket(app)) {
            assertThat(client.get("/where").text()).isEqualTo("virtual");
            assertThat(client.get("/loop").text()).contains("eventloop");
        }
    }

    @Test
    void event_loop_config_moves_every_handler_to_the_loop() {
        Barista app = Transport.app(cfg -> cfg.eventLoopHandlers(true));
        app.get("/where", ctx -> Thread.currentThread().isVirtual() ? "virtual" : "platform");
        try (var client = TestClient.overSocket(app)) {
            assertThat(client.get("/where").text()).isEqualTo("platform");
        }
    }

    @Test
    void large_responses_are_gzipped_when_the_client_accepts_it_small_ones_are_not() throws Exception {
        Barista app = Transport.app();
        app.get("/big", ctx -> "x".repeat(20_000));
        app.get("/small", ctx -> "tiny");
        try (var client = TestClient.overSocket(app)) {
            var big = client.request("GET", "/big").header("Accept-Encoding", "gzip").send();
            assertThat(big.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(big.body().length).isLessThan(1000);
            try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(big.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).hasSize(20_000);
            }
            var small = client.request("GET", "/small").header("Accept-Encoding", "gzip").send();
            assertThat(small.header("Content-Encoding")).isNull();
            var plain = client.get("/big");
            assertThat(plain.header("Content-Encoding")).isNull();
            assertThat(plain.body()).hasSize(20_000);
        }
    }

    @Test
    void malformed_request_line_gets_400_and_the_connection_closes() throws Exception {
        Barista app = Transport.app();
        app.get("/x", ctx -> "x");
        try (var client = TestClient.overSocket(app); Socket s = new Socket("127.0.0.1", app.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GARBAGE\u0001 / NOT-HTTP\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).matches("(?s)HTTP/1\\.[01] 400 .*application/problem\\+json.*malformed HTTP request.*");
            assertThat(response).containsIgnoringCase("X-Request-Id:").containsIgnoringCase("X-Content-Type-Options:");
        }
    }

    @Test
    void malformed_percent_escape_in_a_raw_query_is_400() throws Exception {
        Barista app = Transport.app();
        app.get("/q", ctx -> ctx.query("a"));
        try (var client = TestClient.overSocket(app); Socket s = new Socket("127.0.0.1", app.port())) {
            s.getOutputStream().write("GET /q?a=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(5000);
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void stop_lets_in_flight_requests_finish_then_refuses_new_ones() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        Barista app = Transport.app(cfg -> cfg.shutdownGrace(Duration.ofSeconds(5)));
        app.get("/slow", ctx -> {
            entered.countDown();
            Thread.sleep(700);
            return "finished";
        });
        app.start();
        int port = app.port();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        app.stop();
        assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("finished");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
        http.close();
    }
}
