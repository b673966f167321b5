package barista.engine.vertx;

import barista.spi.Dispatcher;
import barista.spi.Reply;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.MultiMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final AtomicInteger inFlight = new AtomicInteger();

    RequestHandler(Dispatcher dispatcher, Executor virtualThreads) {
        this.dispatcher = dispatcher;
        this.virtualThreads = virtualThreads;
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpServerRequest req) {
        long received = System.nanoTime();
        inFlight.incrementAndGet();
        VertxRequest request = new VertxRequest(req, received);
        Dispatcher.Target target = dispatcher.target(req.method().name(), req.path());
        if (!target.readsBody() || !mayHaveBody(req)) {
            run(target, request, req);
            return;
        }
        long max = dispatcher.maxBodyBytes();
        String declared = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLarge(declared, max)) {
            refuseTooLarge(request, req, max);
            return;
        }
        BodyCollector body = new BodyCollector(max);
        req.handler(chunk -> {
            if (!body.add(chunk)) {
                req.handler(null);
                req.endHandler(null);
                refuseTooLarge(request, req, max);
            }
        });
        req.endHandler(v -> {
            if (!body.overflowed()) {
                request.body(body.bytes());
                run(target, request, req);
            }
        });
        req.exceptionHandler(e -> inFlight.decrementAndGet());
    }

    private static boolean mayHaveBody(HttpServerRequest req) {
        return req.headers().contains(HttpHeaders.CONTENT_LENGTH) || req.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean tooLarge(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed length before we get here
        }
    }

    private void refuseTooLarge(VertxRequest request, HttpServerRequest req, long max) {
        Reply reply = dispatcher.refuse(request, 413, "request body is larger than the limit of " + max + " bytes");
        reply.header("Connection", "close");
        write(req, reply, true);
    }

    private void run(Dispatcher.Target target, VertxRequest request, HttpServerRequest req) {
        if (target.onEventLoop()) {
            write(req, dispatcher.dispatch(target, request), false);
        } else {
            // The handler runs on a virtual thread; the whole reply is then written in one hop
            // on the connection's event loop, instead of each response call crossing threads.
            Context loop = Vertx.currentContext();
            virtualThreads.execute(() -> {
                Reply reply = dispatcher.dispatch(target, request);
                loop.runOnContext(v -> write(req, reply, false));
            });
        }
    }

    private void write(HttpServerRequest req, Reply reply, boolean close) {
        HttpServerResponse resp = req.response();
        resp.setStatusCode(reply.status());
        MultiMap headers = resp.headers();
        for (int i = 0, n = reply.headerCount(); i < n; i++) {
            headers.add(reply.headerName(i), reply.headerValue(i));
        }
        byte[] body = reply.body();
        var done = body.length == 0 ? resp.end() : resp.end(Buffer.buffer(body));
        done.onComplete(ar -> {
            inFlight.decrementAndGet();
            if (close && req.method() != HttpMethod.CONNECT) {
                req.connection().close();
            }
        });
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
