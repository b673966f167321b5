package barista.spi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete response for the engine to write: status, headers in order, body bytes. Built by
 * one thread, then handed to the engine; never changed after that.
 */
public final class Reply {
    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final List<String> headers = new ArrayList<>(12); // name, value, name, value ...
    private byte[] body = EMPTY;

    public Reply(int status) {
        this.status = status;
    }

    public Reply header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    public Reply body(byte[] bytes, String contentType) {
        this.body = bytes;
        return header("Content-Type", contentType);
    }

    public Reply text(String text, String contentType) {
        return body(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /**
     * Drops the body but keeps its {@code Content-Length}, as a HEAD response must. Engines write
     * an explicit {@code Content-Length} header as given.
     */
    public Reply stripBody() {
        header("Content-Length", Integer.toString(body.length));
        body = EMPTY;
        return this;
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body;
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
