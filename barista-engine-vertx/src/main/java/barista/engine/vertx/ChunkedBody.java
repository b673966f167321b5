package barista.engine.vertx;

import barista.http.StreamingBody;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Writes a {@link StreamingBody} as a chunked response. The body runs on a virtual thread of its
 * own and fills chunks of {@value #CHUNK} bytes; each goes to the connection's event loop, and
 * while the connection's write queue is full (a slow client) the body's next chunk waits for it
 * to drain, so a large body holds a bounded amount per connection (two chunks and the write
 * queue), not all of it. An HTTP/1.0 client, which has no chunks, gets the body until the
 * connection closes.
 *
 * <p>The status and headers go out with the first chunk, not before: a body that fails before it
 * has sent anything (the database is down when an export starts) still gets a proper error
 * response ({@code early}), a 503 problem rather than a 200 cut short.
 *
 * <p>Endings: the body returns, and the response ends; the client goes away, and the body's next
 * send throws; the body throws before its first chunk, and {@code early} answers instead; it
 * throws later, and the response is reset (on HTTP/1.1 the connection is closed), so the client
 * sees an incomplete body instead of one that looks whole. {@code done} runs once in every case
 * but the early one, whose own answer ends the request: with null when the body went out whole,
 * else with why it was cut.
 *
 * <p>Threading: {@link #write} and {@link #flush} on the body's thread; every Vert.x call on the
 * event loop.
 */
final class ChunkedBody extends OutputStream {
    private static final System.Logger LOG = System.getLogger("barista");
    static final int CHUNK = 64 * 1024;

    private final Context loop;
    private final Consumer<Throwable> early;
    private final HttpServerRequest req;
    private final HttpServerResponse resp;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;
    /** The chunk the body waits on: accepted by the loop, and drained if the queue was full. */
    private volatile CompletableFuture<Void> accepted = CompletableFuture.completedFuture(null);
    /** Why the body can't go on (the client left), set on the loop; null while it can. */
    private volatile IOException gone;

    private ChunkedBody(Context loop, HttpServerRequest req, Consumer<Throwable> early) {
        this.loop = loop;
        this.early = early;
        this.req = req;
        this.resp = req.response();
    }

    /**
     * Starts writing {@code body} into {@code req}'s response, whose status and headers are set;
     * on its event loop. {@code early} answers, on the loop, a failure before anything was sent.
     */
    static void start(HttpServerRequest req, StreamingBody body, Executor threads, Consumer<Throwable> done,
                      Consumer<Throwable> early) {
        HttpServerResponse resp = req.response();
        ChunkedBody out = new ChunkedBody(Vertx.currentContext(), req, early);
        resp.headers().remove(HttpHeaders.CONTENT_LENGTH); // the length is not known; a handler's would lie
        if (req.version() == HttpVersion.HTTP_1_0) {
            resp.putHeader(HttpHeaders.CONNECTION, "close"); // the end of the body is the end of the connection
        } else {
            resp.setChunked(true);
        }
        resp.closeHandler(v -> out.leave(new IOException("the client closed the connection")));
        resp.exceptionHandler(out::leave);
        if (resp.closed()) { // before the handlers: they would never run
            out.leave(new IOException("the client closed the connection"));
        }
        threads.execute(() -> out.run(body, done));
    }

    private void run(StreamingBody body, Consumer<Throwable> done) {
        try {
            body.writeTo(this);
            send(true);
            loop.runOnContext(v -> resp.end().onComplete(ar -> {
                if (req.version() == HttpVersion.HTTP_1_0) {
                    req.connection().close();
                }
                done.accept(ar.failed() ? ar.cause() : null);
            }));
        } catch (Throwable t) {
            loop.runOnContext(v -> {
                if (!resp.headWritten() && gone == null) {
                    early.accept(t);
                    return;
                }
                if (gone == null) {
                    LOG.log(System.Logger.Level.WARNING, "request_id=" + resp.headers().get("X-Request-Id") + " "
                            + req.method() + " " + req.path() + ": the streamed body failed after its first chunk;"
                            + " the response is cut so the client sees it incomplete", t);
                }
                resp.reset().onComplete(ar -> done.accept(gone != null ? gone : t)); // HTTP/1.x: closes the connection
            });
        }
    }

    /** On the loop: the connection is gone, so the body's waiting or next send fails. */
    private void leave(Throwable why) {
        if (gone == null) {
            gone = why instanceof IOException io ? io : new IOException(why);
        }
        accepted.completeExceptionally(gone);
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == CHUNK) {
            send(false);
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == CHUNK) {
                send(false);
            }
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what is buffered now, for a body that wants its client to see progress. */
    @Override
    public void flush() throws IOException {
        send(false);
    }

    /**
     * Waits until the connection took the last chunk, then hands it what is buffered. With
     * {@code last}, also waits for that one, so the response ends only after every chunk.
     */
    private void send(boolean last) throws IOException {
        await(accepted);
        if (filled > 0) {
            Buffer chunk = Buffer.buffer(Arrays.copyOf(buffer, filled));
            filled = 0;
            CompletableFuture<Void> next = new CompletableFuture<>();
            accepted = next;
            loop.runOnContext(v -> {
                try {
                    if (gone != null) {
                        next.completeExceptionally(gone);
                        return;
                    }
                    resp.write(chunk).onFailure(this::leave);
                    if (resp.writeQueueFull()) {
                        resp.drainHandler(x -> next.complete(null));
                    } else {
                        next.complete(null);
                    }
                } catch (RuntimeException e) { // a response Vert.x no longer takes: never strand the body
                    leave(e);
                }
            });
        }
        if (last) {
            await(accepted);
        }
    }

    private void await(CompletableFuture<Void> f) throws IOException {
        IOException left = gone;
        if (left != null) {
            throw left;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the client was behind");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
