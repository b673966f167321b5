package barista.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body written as it is made, for one too large to hold in memory: an export of a
 * million rows, a generated file. A handler returns it with {@link barista.Response#stream}:
 *
 * <pre>{@code
 * app.get("/numbers.txt", ctx -> Response.stream("text/plain; charset=utf-8", out -> {
 *     for (int i = 0; i < 1_000_000; i++) {
 *         out.write((i + "\n").getBytes(StandardCharsets.UTF_8));
 *     }
 * }));
 * }</pre>
 *
 * <p>The status and headers go out with the first chunk (64 KB, or at {@code flush}). A body
 * that fails before then still gets an error response: its {@link HttpError}'s (a 503 when the
 * database is down, as Barista's database calls throw), else a 500. Once a chunk is out, a failure
 * can no longer become an error response: the server logs it and cuts the connection, and the
 * client sees an incomplete body (a chunked response without its last chunk), never one that
 * looks whole. Spring's {@code StreamingResponseBody} and Django's
 * {@code StreamingHttpResponse} cut it the same way.
 *
 * <p>Threading: runs on a virtual thread of its own once the handler has returned, so it may
 * block on a database. What it writes goes out in 64 KB chunks (or at {@code flush}), and a
 * chunk waits while the client is behind, so a body holds a bounded amount of memory however
 * large it is; once the client has gone away, a later write throws an {@link IOException},
 * which ends the body. A HEAD request never runs it, and the in-process test client runs it on
 * the caller's thread.
 *
 * <p>The request log writes the response's line once the body has ended, with the time to its
 * last byte. A body cut short keeps its status (200); when it threw, a WARNING line names the
 * request id, and when the client left, nothing else is logged. A body that fails before its
 * first chunk is logged once, as the error response that replaced it.
 */
@FunctionalInterface
public interface StreamingBody {
    /** Writes the body; closing {@code out} is not needed. */
    void writeTo(OutputStream out) throws IOException;
}
