package barista.spi;

import java.util.List;

/**
 * One request as the engine received it, already fully read. Implementations are created by
 * the engine (or the in-process test client) and are read by one thread at a time.
 */
public interface HttpRequest {
    /** The method token as sent ({@code "GET"}). */
    String method();

    /** The path without the query string, not yet percent-decoded. */
    String path();

    /** The raw query string without {@code ?}, or {@code null}. */
    String rawQuery();

    /** The first value of a header (case-insensitive name), or {@code null}. */
    String header(String name);

    /** Every value of a header, in order; empty when absent. */
    List<String> headers(String name);

    /** The body bytes; empty, never {@code null}, when there is none. */
    byte[] body();

    /** The peer's address, for logs. */
    String remoteAddress();

    /** {@link System#nanoTime()} when the engine started reading the request. */
    long receivedNanos();
}
