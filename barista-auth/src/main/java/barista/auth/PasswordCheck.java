package barista.auth;

import barista.Context;
import barista.http.HttpError;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks a user name and password for {@code POST /auth/login} and {@code POST /auth/token}, the
 * same way for both: throttled first ({@link LoginThrottle}, which counts the attempt before the
 * hash), then one Argon2 verification whether or not the user exists, then one message for every failure, so neither the answer nor its timing
 * tells which user names exist.
 *
 * <p>Threading: thread-safe; blocks about 80 ms in Argon2, so it runs on the route's virtual thread.
 */
final class PasswordCheck {
    static final String FAILED = "invalid username or password";

    private final Directory directory;
    private final LoginThrottle throttle;
    private final String clientIpHeader;

    PasswordCheck(Directory directory, LoginThrottle throttle, String clientIpHeader) {
        this.directory = directory;
        this.throttle = throttle;
        this.clientIpHeader = clientIpHeader;
    }

    /**
     * The user whose password this is.
     *
     * @throws HttpError 429 when throttled; 401 {@value #FAILED} for any mismatch
     */
    Directory.UserEntry check(Context ctx, String username, String password) {
        return check(ctx, username, password, user -> true);
    }

    /**
     * {@link #check(Context, String, String)} for a sign-in that only some users may use: a user
     * {@code allowed} refuses fails like a wrong password, counted by the throttle, so neither the
     * answer, its timing nor the throttle tells that the password was right.
     */
    Directory.UserEntry check(Context ctx, String username, String password,
                              Predicate<? super Directory.UserEntry> allowed) {
        if (username == null || password == null || username.isEmpty() || password.isEmpty()) {
            throw new HttpError.BadRequest("username and password are required");
        }
        String client = client(ctx);
        LoginThrottle.Attempt attempt = throttle.begin(username, client);
        Directory.UserEntry user = directory.user(username);
        boolean ok = password.length() <= Passwords.MAX_LENGTH
                && Passwords.verify(password, user == null ? null : user.passwordHash())
                && user.active()
                && allowed.test(user);
        if (!ok) {
            throw new HttpError(401, FAILED, Map.of()); // begin() already counted it
        }
        throttle.succeeded(attempt);
        return user;
    }

    /**
     * The client's address for the per-address limit: from the trusted proxy's header when one is
     * configured, else the peer's address without its port. Of a list ({@code X-Forwarded-For}),
     * the last address of the last line counts: the proxy appends the address it saw to what the
     * client sent, or adds a line of its own, so every earlier one is the client's to choose, and a
     * guesser could name a new one on every try to stay under the limit.
     */
    private String client(Context ctx) {
        java.util.List<String> lines = clientIpHeader == null ? java.util.List.of() : ctx.headers(clientIpHeader);
        String v = lines.isEmpty() ? null : lines.getLast();
        if (v == null || v.isBlank()) {
            String peer = ctx.remoteAddress();
            int colon = peer == null ? -1 : peer.lastIndexOf(':');
            return colon > 0 ? peer.substring(0, colon) : peer;
        }
        return v.substring(v.lastIndexOf(',') + 1).trim();
    }
}
