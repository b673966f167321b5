package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.Response;
import barista.http.HttpError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Bodies written as they are made: whole, to a slow client, to one that leaves, and failing halfway. */
class StreamingBodyTest {
    private static final byte[] LINE = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_streamed_body_arrives_whole_in_chunks_with_the_usual_headers() {
        Barista app = Transport.app();
        app.get("/lines", ctx -> Response.stream("text/plain; charset=utf-8", out -> {
            for (int i = 0; i < 100_000; i++) { // 6.4 MB in small writes
                out.write(LINE);
            }
        }).withHeader("Content-Disposition", "attachment; filename=\"lines.txt\""));
        try (var inProcess = TestClient.inProcess(app)) {
            assertThat(inProcess.get("/lines").body()).hasSize(100_000 * LINE.length);
        }
        try (var client = TestClient.overSocket(app)) {
            var r = client.get("/lines");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).hasSize(100_000 * LINE.length);
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"lines.txt\"");
            assertThat(r.header("X-Request-Id")).isNotBlank();
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Content-Length")).isNull();
        }
    }

    @Test
    void an_http_1_0_client_gets_the_body_until_the_connection_closes() throws Exception {
        Barista app = Transport.app();
        app.get("/lines", ctx -> Response.stream("text/plain", out -> {
            for (int i = 0; i < 2_000; i++) { // 128 KB: more than one chunk
                out.write(LINE);
            }
        }).withHeader("Content-Length", "5")); // a length the handler can't know is dropped
        try (var client = TestClient.overSocket(app); Socket s = new Socket("127.0.0.1", app.port())) {
            s.getOutputStream().write("GET /lines HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(10_000);
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            String head = response.substring(0, response.indexOf("\r\n\r\n"));
            assertThat(head).startsWith("HTTP/1.0 200").doesNotContainIgnoringCase("transfer-encoding")
                    .doesNotContainIgnoringCase("content-length");
            assertThat(response.substring(head.length() + 4)).isEqualTo(new String(LINE, StandardCharsets.US_ASCII).repeat(2_000));
        }
    }

    @Test
    void a_body_that_fails_before_its_first_chunk_gets_a_proper_error_response() {
        Barista app = Transport.app();
        app.get("/export", ctx -> Response.stream("text/csv", out -> {
            out.write("id,value\r\n".getBytes(StandardCharsets.US_ASCII)); // buffered, not yet sent
            throw new HttpError.ServiceUnavailable("database unavailable");
        }).withHeader("Content-Disposition", "attachment; filename=\"x.csv\""));
        app.get("/broken", ctx -> Response.stream("text/plain", out -> {
            throw new IllegalStateException("a bug");
        }));
        try (var inProcess = TestClient.inProcess(app)) {
            assertThat(inProcess.get("/export").status()).isEqualTo(503);
        }
        try (var client = TestClient.overSocket(app)) {
            var r = client.get("/export");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(r.header("Content-Disposition")).isNull();
            assertThat(r.json().get("detail").asText()).isEqualTo("database unavailable");
            assertThat(r.header("X-Request-Id")).isNotBlank();

            var broken = client.request("GET", "/broken").header("X-Request-Id", "req-broken-1").send();
            assertThat(broken.status()).isEqualTo(500);
            assertThat(broken.header("X-Request-Id")).isEqualTo("req-broken-1");
            assertThat(broken.text()).contains("quote request id req-broken-1").doesNotContain("a bug");
            assertThat(client.get("/export").status()).isEqualTo(503); // the connection lives on
        }
    }

    @Test
    void a_head_request_gets_the_headers_and_the_body_is_never_run() {
        AtomicLong runs = new AtomicLong();
        Barista app = Transport.app();
        app.get("/lines", ctx -> Response.stream("text/plain", out -> {
            runs.incrementAndGet();
            out.write(LINE);
        }));
        try (var client = TestClient.overSocket(app)) {
            var r = client.request("HEAD", "/lines").send();

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/plain");
            assertThat(r.body()).isEmpty();
            assertThat(runs).hasValue(0);
        }
    }

    @Test
    void a_client_that_does_not_read_holds_the_body_back_and_one_that_leaves_ends_it() throws Exception {
        AtomicLong written = new AtomicLong();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Barista app = Transport.app();
        app.get("/endless", ctx -> Response.stream("application/octet-stream", out -> {
            byte[] block = new byte[8192];
            try {
                while (true) {
                    out.write(block);
                    written.addAndGet(block.length);
                }
            } catch (IOException | RuntimeException e) {
                ended.complete(e);
                throw e;
            }
        }));
        try (var client = TestClient.overSocket(app)) {
            Socket s = new Socket("127.0.0.1", app.port());
            s.setReceiveBufferSize(64 * 1024);
            s.getOutputStream().write("GET /endless HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().read(new byte[1024]); // the headers are out; then nothing more is read
            Thread.sleep(1500);
            long held = written.get();
            Thread.sleep(500);

            // what the socket buffers and the connection's queue hold, not an endless heap
            assertThat(written.get()).isEqualTo(held).isLessThan(32L << 20);
            s.close();
            assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void a_body_that_fails_halfway_cuts_the_connection_so_the_client_sees_it_incomplete() throws Exception {
        Barista app = Transport.app();
        app.get("/half", ctx -> Response.stream("text/plain", out -> {
            out.write(LINE);
            out.flush();
            throw new IllegalStateException("the database went away");
        }));
        try (var client = TestClient.overSocket(app); Socket s = new Socket("127.0.0.1", app.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /half HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // ends when the server closes

            assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked")
                    .contains(new String(LINE, StandardCharsets.US_ASCII));
            assertThat(response).doesNotEndWith("0\r\n\r\n"); // no last chunk: not a complete body
            assertThat(Arrays.asList(response.split("\r\n"))).doesNotContain("0");
        }
    }

    @Test
    void the_request_log_has_one_line_per_streamed_response_written_when_its_body_ended() throws Exception {
        Barista app = Barista.create(cfg -> cfg.port(0).requestLog(true));
        app.get("/slow", ctx -> Response.stream("text/plain", out -> {
            out.write(LINE);
            out.flush(); // the headers are out now; the line must wait for the end
            sleep(300);
            out.write(LINE);
        }));
        app.get("/export", ctx -> Response.stream("text/csv", out -> {
            sleep(200); // the database takes a while to refuse
            throw new HttpError.ServiceUnavailable("database unavailable");
        }));
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (var client = TestClient.overSocket(app)) {
            client.request("GET", "/slow").header("X-Request-Id", "req-slow").send();
            client.request("GET", "/export").header("X-Request-Id", "req-export").send();
            app.stop(); // writes out every line logged so far
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" request ")).toList();

        assertThat(lines).filteredOn(l -> l.contains("request_id=req-slow")).singleElement().satisfies(line -> {
            assertThat(line).contains("path=/slow status=200");
            assertThat(durationMillis(line)).isGreaterThanOrEqualTo(300); // to the last byte, not to the headers
        });
        assertThat(lines).filteredOn(l -> l.contains("request_id=req-export")).singleElement()
                .satisfies(line -> {
                    assertThat(line).contains("path=/export status=503");
                    assertThat(durationMillis(line)).isGreaterThanOrEqualTo(200); // since the request came
                });
    }

    private static double durationMillis(String line) {
        Matcher m = Pattern.compile("duration_ms=([0-9.]+)").matcher(line);
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
