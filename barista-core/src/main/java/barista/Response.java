package barista;

import barista.http.StreamingBody;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A result with an explicit status, headers or content type. Handlers return one only when the
 * defaults do not fit; otherwise they return the value itself, which is written as:
 * <ul>
 *   <li>a record, map, list, number... as {@code application/json};</li>
 *   <li>a {@link CharSequence} as {@code text/plain; charset=utf-8};</li>
 *   <li>a {@code byte[]} as {@code application/octet-stream};</li>
 *   <li>a {@link StreamingBody} as it is written, in chunks ({@link #stream});</li>
 *   <li>{@code null} as 204 No Content.</li>
 * </ul>
 *
 * @param status      the status code
 * @param body        the value to write (same rules as above), or {@code null}
 * @param contentType overrides the content type; the body must then be a {@code String} or
 *                    {@code byte[]}, written as is, or a {@link StreamingBody}
 * @param headers     extra headers
 */
public record Response(int status, Object body, String contentType, Map<String, String> headers) {
    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response ok(Object body) {
        return new Response(200, body, null, Map.of());
    }

    public static Response created(Object body) {
        return new Response(201, body, null, Map.of());
    }

    public static Response noContent() {
        return new Response(204, null, null, Map.of());
    }

    public static Response status(int status) {
        return new Response(status, null, null, Map.of());
    }

    /** A page or file: the bytes or text written as is with this content type. */
    public static Response of(String contentType, Object bytesOrText) {
        return new Response(200, bytesOrText, contentType, Map.of());
    }

    /**
     * A body written as it is made, with this content type: for one too large to build in
     * memory. See {@link StreamingBody} for what a failure halfway does.
     */
    public static Response stream(String contentType, StreamingBody body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return new Response(200, body, contentType, Map.of());
    }

    public Response withBody(Object value) {
        return new Response(status, value, contentType, headers);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, body, contentType, h);
    }
}
