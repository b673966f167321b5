package barista.spi;

import barista.http.StreamingBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A complete response for the engine to write: status, headers in order, and body bytes or a
 * {@link StreamingBody} that the engine runs once it has the reply. Built by one thread, then
 * handed to the engine; never changed after that.
 */
public final class Reply {
    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final List<String> headers = new ArrayList<>(12); // name, value, name, value ...
    private byte[] body = EMPTY;
    private StreamingBody stream;
    private Consumer<Throwable> streamEnd;

    public Reply(int status) {
        this.status = status;
    }

    /**
     * Adds a header. A name or value that could split the response (CR, LF, other control
     * characters, an empty name) is refused here, inside the pipeline, so it becomes a 500
     * problem rather than an engine failure with no response at all.
     */
    public Reply header(String name, String value) {
        checkHeader(name, value);
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Sets a header, replacing any value it had (for headers that may appear once). */
    public Reply set(String name, String value) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                headers.remove(i);
                headers.remove(i);
                i -= 2;
            }
        }
        return header(name, value);
    }

    public Reply body(byte[] bytes, String contentType) {
        this.body = bytes;
        this.stream = null;
        return set("Content-Type", contentType);
    }

    /** A body the engine writes in chunks as {@code stream} makes it, instead of bytes. */
    public Reply stream(StreamingBody stream, String contentType) {
        this.body = EMPTY;
        this.stream = stream;
        return set("Content-Type", contentType);
    }

    private static void checkHeader(String name, String value) {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("response header name and value must not be empty or null: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new IllegalArgumentException("response header name has a forbidden character: " + name);
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 127) {
                throw new IllegalArgumentException("response header " + name + " has a control character in its value");
            }
        }
    }

    public Reply text(String text, String contentType) {
        return body(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /**
     * Drops the body but keeps its {@code Content-Length}, as a HEAD response must. Engines write
     * an explicit {@code Content-Length} header as given. A streamed body is not run, and its
     * length is not known.
     */
    public Reply stripBody() {
        if (stream != null) {
            stream = null;
            return this;
        }
        if (status != 204 && status != 304) {
            set("Content-Length", Integer.toString(body.length));
        }
        body = EMPTY;
        return this;
    }

    public int status() {
        return status;
    }

    /** The body's bytes; empty when the body is streamed. */
    public byte[] body() {
        return body;
    }

    /** The streamed body, or null when the body is {@link #body()}. */
    public StreamingBody streamingBody() {
        return stream;
    }

    /**
     * Asks to hear when the streamed body has ended: with null once it was sent whole, or with
     * why it was cut (it threw after its first chunk, the client went away). For what should
     * count a streamed response at its last byte rather than at its headers, such as the request
     * log. Not called for a body that failed before its first chunk: the engine answers that with
     * {@link Dispatcher#failed}, a reply of its own.
     */
    public Reply onStreamEnd(Consumer<Throwable> listener) {
        this.streamEnd = listener;
        return this;
    }

    /** For engines: the streamed body has ended, whole ({@code failure} null) or cut; once. */
    public void streamEnded(Throwable failure) {
        Consumer<Throwable> listener = streamEnd;
        streamEnd = null;
        if (listener != null) {
            listener.accept(failure);
        }
    }

    /** Number of headers. */
    public int headerCount() {
        return headers.size() / 2;
    }

    public String headerName(int i) {
        return headers.get(2 * i);
    }

    public String headerValue(int i) {
        return headers.get(2 * i + 1);
    }

    /** The first value of a header (case-insensitive), or {@code null}. */
    public String header(String name) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return headers.get(i + 1);
            }
        }
        return null;
    }
}
