package barista.inference;

import barista.Context;
import java.util.UUID;

/**
 * Who asked for a prediction, for the prediction log: the request's id (so feedback can find
 * it later) and its principal's name.
 *
 * @param requestId the request's {@code X-Request-Id}
 * @param principal a user name, {@code user/key:<id>}, or {@code anonymous}
 */
public record Caller(String requestId, String principal) {
    /** The caller of the request being handled. */
    public static Caller of(Context ctx) {
        return new Caller(ctx.requestId(), ctx.principal().name());
    }

    /** A prediction the app makes on its own (a job, a warm-up of its own): a fresh id, principal {@code app}. */
    public static Caller internal() {
        return new Caller(UUID.randomUUID().toString(), "app");
    }
}
