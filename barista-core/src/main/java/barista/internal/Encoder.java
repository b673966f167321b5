package barista.internal;

import barista.Context;
import barista.Response;
import barista.http.StreamingBody;
import barista.json.Json;
import barista.spi.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns a handler's result into a {@link Reply}, by the rules documented on {@link Response}.
 *
 * <p>Threading: stateless; runs on the thread that ran the handler.
 */
final class Encoder {
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String BINARY = "application/octet-stream";

    private Encoder() {
    }

    static Reply encode(Object result, Context ctx) {
        if (result instanceof Response r) {
            Reply reply = body(new Reply(r.status()), r.body(), r.contentType());
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                put(reply, h.getKey(), h.getValue());
            }
            return withContextHeaders(reply, ctx);
        }
        int status = ctx.status();
        if (result == null && status == 200) {
            status = 204;
        }
        return withContextHeaders(body(new Reply(status), result, null), ctx);
    }

    private static Reply body(Reply reply, Object value, String contentType) {
        if (value == null) {
            return reply;
        }
        if (value instanceof StreamingBody stream) {
            return reply.stream(stream, contentType == null ? BINARY : contentType);
        }
        if (contentType != null) {
            if (value instanceof byte[] bytes) {
                return reply.body(bytes, contentType);
            }
            if (value instanceof CharSequence text) {
                return reply.body(text.toString().getBytes(StandardCharsets.UTF_8), contentType);
            }
            return reply.body(Json.write(value), contentType);
        }
        if (value instanceof CharSequence text) {
            return reply.body(text.toString().getBytes(StandardCharsets.UTF_8), TEXT);
        }
        if (value instanceof byte[] bytes) {
            return reply.body(bytes, BINARY);
        }
        return reply.body(Json.write(value), JSON);
    }

    private static Reply withContextHeaders(Reply reply, Context ctx) {
        List<String> h = ctx.responseHeaders();
        for (int i = 0; i < h.size(); i += 2) {
            put(reply, h.get(i), h.get(i + 1));
        }
        return reply;
    }

    /** A handler's own Content-Type replaces the default one instead of being sent beside it. */
    private static void put(Reply reply, String name, String value) {
        if (name.equalsIgnoreCase("Content-Type")) {
            reply.set(name, value);
        } else {
            reply.header(name, value);
        }
    }
}
