package barista.engine.vertx;

import barista.spi.HttpRequest;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * A Vert.x request with its body read, seen through Barista's {@link HttpRequest}.
 *
 * <p>Threading: created on the event loop, then read by the one thread running the handler;
 * Vert.x request headers are safe to read after the request ended.
 */
final class VertxRequest implements HttpRequest {
    private static final byte[] EMPTY = new byte[0];

    private final HttpServerRequest request;
    private final long receivedNanos;
    private byte[] body = EMPTY;

    VertxRequest(HttpServerRequest request, long receivedNanos) {
        this.request = request;
        this.receivedNanos = receivedNanos;
    }

    void body(byte[] bytes) {
        this.body = bytes;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String path() {
        return request.path();
    }

    @Override
    public String rawQuery() {
        return request.query();
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.headers().getAll(name);
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public String remoteAddress() {
        var a = request.remoteAddress();
        return a == null ? null : a.hostAddress() + ":" + a.port();
    }

    @Override
    public long receivedNanos() {
        return receivedNanos;
    }

}
