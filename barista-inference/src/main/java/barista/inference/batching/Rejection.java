package barista.inference.batching;

import barista.http.HttpError;
import barista.http.Status;
import java.util.Map;

/**
 * Why a batcher did not run a request, as the HTTP answer it becomes. Thrown into the request's
 * future (or returned by {@link Batcher#submit}), never into the worker.
 */
public final class Rejection {
    private Rejection() {
    }

    /** 429: the queue is full; try again shortly. */
    public static HttpError queueFull(String model, int maxQueue) {
        return new HttpError(Status.TOO_MANY_REQUESTS_429, "model " + model + " has " + maxQueue
                + " requests waiting, its limit; retry shortly", Map.of("Retry-After", "1"));
    }

    /** 504: the request waited past its deadline and was dropped without running. */
    public static HttpError deadline(String model, long waitedMillis) {
        return new HttpError(Status.GATEWAY_TIMEOUT_504, "model " + model + " did not start this request within "
                + waitedMillis + " ms; it was not run");
    }

    /** 503: the version stopped serving while the request waited (unloaded, or the server stopping). */
    public static HttpError closed(String model) {
        return new HttpError(Status.SERVICE_UNAVAILABLE_503, "model " + model + " is no longer serving this version");
    }
}
