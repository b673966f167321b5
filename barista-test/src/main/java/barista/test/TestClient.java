package barista.test;

import barista.Barista;
import barista.spi.Dispatcher;
import barista.spi.HttpRequest;
import barista.spi.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends requests to an app in tests, through the same pipeline as production.
 *
 * <pre>{@code
 * try (var client = TestClient.inProcess(app)) {
 *     var r = client.get("/predict?score=5");
 *     assertEquals(15, r.json().get("prediction").asInt());
 * }
 * }</pre>
 *
 * {@link #inProcess} calls the dispatcher directly: routing, binding, validation, handlers,
 * encoding, errors, CORS and security headers all run, without a socket. {@link #overSocket}
 * starts the app's engine (use port 0 in the app's config) and speaks real HTTP, for what only
 * a socket shows: body limits enforced while reading, gzip, connection handling.
 */
public final class TestClient implements AutoCloseable {
    private final Barista app;
    private final Dispatcher dispatcher;
    private final HttpClient http;
    private final String base;

    private TestClient(Barista app, Dispatcher dispatcher, HttpClient http, String base) {
        this.app = app;
        this.dispatcher = dispatcher;
        this.http = http;
        this.base = base;
    }

    /** A client that calls the app's pipeline in this thread, with no socket. */
    public static TestClient inProcess(Barista app) {
        return new TestClient(app, app.dispatcher(), null, null);
    }

    /** Starts the app and returns a client speaking HTTP/1.1 to it; {@link #close()} stops it. */
    public static TestClient overSocket(Barista app) {
        app.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new TestClient(app, null, http, "http://127.0.0.1:" + app.port());
    }

    /** The base URL of a socket client ({@code http://127.0.0.1:PORT}). */
    public String baseUrl() {
        return base;
    }

    public TestResponse get(String target) {
        return request("GET", target).send();
    }

    public TestResponse delete(String target) {
        return request("DELETE", target).send();
    }

    /** POSTs a value as JSON. */
    public TestResponse post(String target, Object json) {
        return request("POST", target).json(json).send();
    }

    public TestResponse put(String target, Object json) {
        return request("PUT", target).json(json).send();
    }

    public TestResponse patch(String target, Object json) {
        return request("PATCH", target).json(json).send();
    }

    /** A request to build: headers, cookies, any body. */
    public TestRequest request(String method, String target) {
        return new TestRequest(this, method, target);
    }

    TestResponse send(TestRequest r) {
        return http == null ? sendInProcess(r) : sendOverSocket(r);
    }

    private TestResponse sendInProcess(TestRequest r) {
        int q = r.target.indexOf('?');
        String path = q < 0 ? r.target : r.target.substring(0, q);
        String query = q < 0 ? null : r.target.substring(q + 1);
        HttpRequest request = new InProcessRequest(r.method, path, query, r.headers, r.body, System.nanoTime());
        Dispatcher.Target target = dispatcher.target(r.method, path);
        Reply reply = target.readsBody() && r.body.length > dispatcher.maxBodyBytes()
                ? dispatcher.refuse(request, 413, "request body is larger than the limit of "
                        + dispatcher.maxBodyBytes() + " bytes")
                : dispatcher.dispatch(target, request).toCompletableFuture().join();
        byte[] body = reply.body();
        if (reply.streamingBody() != null) { // run here, into memory, as the engine would run it
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                reply.streamingBody().writeTo(out);
                body = out.toByteArray();
                reply.streamEnded(null);
            } catch (IOException | RuntimeException e) { // nothing went out yet: the engine answers the error instead
                reply = dispatcher.failed(request, e, reply.header("X-Request-Id"));
                body = reply.body();
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < reply.headerCount(); i++) {
            headers.computeIfAbsent(reply.headerName(i).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(reply.headerValue(i));
        }
        return new TestResponse(reply.status(), headers, body);
    }

    private TestResponse sendOverSocket(TestRequest r) {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(base + r.target))
                .timeout(Duration.ofSeconds(30))
                .method(r.method, r.body.length == 0 && !r.method.equals("POST") && !r.method.equals("PUT")
                        && !r.method.equals("PATCH")
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(r.body));
        for (int i = 0; i < r.headers.size(); i += 2) {
            builder.header(r.headers.get(i), r.headers.get(i + 1));
        }
        try {
            var resp = http.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            resp.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new TestResponse(resp.statusCode(), headers, resp.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.method + " " + r.target + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the app if this client started it. */
    @Override
    public void close() {
        if (http != null) {
            http.close();
            app.stop();
        }
    }

    /** A request built in the test, handed straight to the dispatcher. */
    private record InProcessRequest(String method, String path, String rawQuery, List<String> headerPairs, byte[] body,
                                    long receivedNanos) implements HttpRequest {
        @Override
        public String header(String name) {
            for (int i = 0; i < headerPairs.size(); i += 2) {
                if (headerPairs.get(i).equalsIgnoreCase(name)) {
                    return headerPairs.get(i + 1);
                }
            }
            return null;
        }

        @Override
        public List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < headerPairs.size(); i += 2) {
                if (headerPairs.get(i).equalsIgnoreCase(name)) {
                    out.add(headerPairs.get(i + 1));
                }
            }
            return out;
        }

        @Override
        public String remoteAddress() {
            return "in-process";
        }
    }
}
