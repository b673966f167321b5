package barista.engine.vertx;

import barista.http.Status;
import barista.spi.Dispatcher;
import barista.spi.Reply;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Follows one request from Vert.x to the dispatcher and back: finds the target on the event
 * loop, reads the body (refusing one over the limit with 413 before reading it all), runs the
 * handler on a virtual thread or, for opted-in routes, right on the loop, and writes the reply.
 *
 * <p>Threading: {@link #handle} runs on an event loop; so does every write, so Vert.x response
 * objects are only ever touched by their own event loop.
 */
final class RequestHandler implements Handler<HttpServerRequest> {
    private final Dispatcher dispatcher;
    private final Executor virtualThreads;
    private final LongAdder inFlight = new LongAdder(); // both event loops touch it: no shared cache line

    RequestHandler(Dispatcher dispatcher, Executor virtualThreads) {
        this.dispatcher = dispatcher;
        this.virtualThreads = virtualThreads;
    }

    long inFlight() {
        return inFlight.sum();
    }

    /**
     * One request's place in the in-flight count, given back exactly once however it ends, and
     * when it arrived (for a reply made late, such as a streamed body's error).
     */
    private final class Ticket {
        private final AtomicBoolean done = new AtomicBoolean();
        final long received;

        Ticket(long received) {
            this.received = received;
            inFlight.increment();
        }

        void done() {
            if (done.compareAndSet(false, true)) {
                inFlight.decrement();
            }
        }
    }

    @Override
    public void handle(HttpServerRequest req) {
        long received = System.nanoTime();
        Ticket ticket = new Ticket(received);
        VertxRequest request = new VertxRequest(req, received);
        Dispatcher.Target target = dispatcher.target(req.method().name(), req.path());
        if (!target.readsBody() || !mayHaveBody(req)) {
            run(target, request, req, ticket);
            return;
        }
        long max = dispatcher.maxBodyBytes();
        String declared = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLarge(declared, max)) {
            refuseTooLarge(request, req, max, ticket);
            return;
        }
        if (req.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            req.response().writeContinue();
        }
        BodyCollector body = new BodyCollector(max);
        req.handler(chunk -> {
            if (!body.add(chunk)) {
                req.handler(null);
                req.endHandler(null);
                refuseTooLarge(request, req, max, ticket);
            }
        });
        req.endHandler(v -> {
            if (!body.overflowed()) {
                request.body(body.bytes());
                run(target, request, req, ticket);
            }
        });
        req.exceptionHandler(e -> ticket.done());
    }

    /** Answers a request Vert.x could not parse, through the same problem, log line and headers. */
    void invalid(HttpServerRequest req) {
        Ticket ticket = new Ticket(System.nanoTime());
        Throwable cause = req.decoderResult().cause();
        int status = Status.BAD_REQUEST_400;
        String detail = "malformed HTTP request";
        if (cause instanceof TooLongFrameException) {
            boolean line = cause.getMessage() != null && cause.getMessage().contains("line");
            status = line ? 414 : 431;
            detail = line ? "request line too long" : "request headers too large";
        }
        Reply reply = dispatcher.refuse(new VertxRequest(req, System.nanoTime()), status, detail);
        reply.set("Connection", "close");
        write(req, reply, true, ticket);
    }

    private static boolean mayHaveBody(HttpServerRequest req) {
        MultiMap h = req.headers();
        return h.contains(HttpHeaders.CONTENT_LENGTH) || h.contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean tooLarge(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed length before we get here
        }
    }

    /**
     * Answers 413, then reads and discards what the client is still sending for up to
     * {@link #DRAIN_MILLIS} before closing: closing with unread bytes makes the kernel reset the
     * connection, and many clients then report the reset instead of the 413.
     */
    private void refuseTooLarge(VertxRequest request, HttpServerRequest req, long max, Ticket ticket) {
        Reply reply = dispatcher.refuse(request, Status.CONTENT_TOO_LARGE_413,
                "request body is larger than the limit of " + max + " bytes");
        reply.set("Connection", "close");
        if (req.isEnded()) {
            write(req, reply, true, ticket); // nothing left to drain: close once the 413 is written
            return;
        }
        write(req, reply, false, ticket);
        Runnable close = () -> req.connection().close();
        long timer = Vertx.currentContext().owner().setTimer(DRAIN_MILLIS, id -> close.run());
        req.handler(discarded -> { });
        req.endHandler(v -> {
            Vertx.currentContext().owner().cancelTimer(timer);
            close.run();
        });
        req.resume();
    }

    private static final long DRAIN_MILLIS = 2000;

    private void run(Dispatcher.Target target, VertxRequest request, HttpServerRequest req, Ticket ticket) {
        Context loop = Vertx.currentContext();
        if (target.onEventLoop()) {
            reply(loop, req, dispatcher.dispatch(target, request), ticket);
        } else {
            virtualThreads.execute(() -> reply(loop, req, dispatcher.dispatch(target, request), ticket));
        }
    }

    /**
     * Writes the reply once it is ready. A reply finished on this event loop is written at once;
     * one finished on a virtual thread, or later by another thread (a model's batcher), is
     * written in one hop on the connection's event loop, instead of each response call crossing
     * threads.
     */
    private void reply(Context loop, HttpServerRequest req, CompletionStage<Reply> pending, Ticket ticket) {
        if (pending instanceof CompletableFuture<Reply> done && done.isDone() && Vertx.currentContext() == loop) {
            write(req, done.getNow(null), false, ticket);
            return;
        }
        pending.whenComplete((reply, failure) -> {
            if (Vertx.currentContext() == loop) {
                write(req, reply, false, ticket);
            } else {
                loop.runOnContext(v -> write(req, reply, false, ticket));
            }
        });
    }

    /**
     * Writes a reply. If Vert.x refuses it (it should not: the dispatcher checks headers), the
     * connection is closed rather than left waiting for a response that will never come.
     */
    private void write(HttpServerRequest req, Reply reply, boolean close, Ticket ticket) {
        HttpServerResponse resp = req.response();
        try {
            if (reply == null) {
                throw new IllegalStateException("the dispatcher broke its contract and gave no reply");
            }
            resp.setStatusCode(reply.status());
            MultiMap headers = resp.headers();
            for (int i = 0, n = reply.headerCount(); i < n; i++) {
                headers.add(reply.headerName(i), reply.headerValue(i));
            }
            if (reply.streamingBody() != null) {
                ChunkedBody.start(req, reply.streamingBody(), virtualThreads, cut -> {
                    reply.streamEnded(cut); // before the ticket: a stop waits for it, then flushes the log
                    ticket.done();
                }, failure -> {
                    resp.setChunked(false).headers().clear(); // the streamed reply's: the error brings its own
                    write(req, dispatcher.failed(new VertxRequest(req, ticket.received), failure,
                            reply.header("X-Request-Id")), false, ticket);
                });
                return;
            }
            byte[] body = reply.body();
            var done = body.length == 0 ? resp.end() : resp.end(Buffer.buffer(body));
            done.onComplete(ar -> {
                ticket.done();
                if (close) {
                    req.connection().close();
                }
            });
        } catch (RuntimeException e) {
            if (reply != null) {
                reply.streamEnded(e); // a streamed reply that never started still gets its log line
            }
            ticket.done();
            req.connection().close();
        }
    }

    /** Gathers body chunks up to a limit. */
    private static final class BodyCollector {
        private final long max;
        private Buffer buffer;
        private boolean overflowed;

        BodyCollector(long max) {
            this.max = max;
        }

        boolean add(Buffer chunk) {
            if (overflowed) {
                return false;
            }
            if (buffer == null) {
                buffer = chunk.copy();
            } else {
                buffer.appendBuffer(chunk);
            }
            if (buffer.length() > max) {
                overflowed = true;
                buffer = null;
                return false;
            }
            return true;
        }

        boolean overflowed() {
            return overflowed;
        }

        byte[] bytes() {
            return buffer == null ? new byte[0] : buffer.getBytes();
        }
    }
}
