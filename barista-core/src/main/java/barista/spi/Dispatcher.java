package barista.spi;

import java.util.concurrent.CompletionStage;

/**
 * The core's side of the engine contract: finds the target for a request line, then turns a
 * fully read request into a {@link Reply}.
 *
 * <p>Threading: {@link #target} is cheap and non-blocking, so engines call it on their event
 * loop. {@link #dispatch} runs user code: engines call it on a virtual thread unless
 * {@link Target#onEventLoop()} says the route opted into the event loop.
 */
public interface Dispatcher {

    /** The route (or the 404/405/preflight answer) for a method and path. Never null. */
    Target target(String method, String path);

    /**
     * Runs the target's handler for a fully read request. The reply is usually complete on
     * return; a handler that returns a {@link CompletionStage} (a model prediction waiting for
     * its batch) completes it later, on the thread that finished the work. Never throws, and
     * the stage never completes exceptionally: errors are replies too.
     */
    CompletionStage<Reply> dispatch(Target target, HttpRequest request);

    /**
     * An error answer for a request the engine refused before dispatch (body over the limit,
     * malformed request line), with the same problem body, headers and log line as any other.
     */
    Reply refuse(HttpRequest request, int status, String detail);

    /**
     * The error answer for a failure after dispatch returned (a streamed body that threw before
     * its first chunk), under the request's {@code requestId}: the same reply a handler that
     * threw gets, an {@link barista.http.HttpError}'s own problem or a logged 500.
     */
    Reply failed(HttpRequest request, Throwable failure, String requestId);

    /** The largest body, in bytes, the engine reads before answering 413. */
    long maxBodyBytes();

    /** What a request resolves to before its body is read. */
    interface Target {
        /** Whether the handler runs on the event loop instead of a virtual thread. */
        boolean onEventLoop();

        /** Whether the engine must read the request body before dispatch. */
        boolean readsBody();
    }
}
