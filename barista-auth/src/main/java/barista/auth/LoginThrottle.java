package barista.auth;

import barista.data.Database;
import barista.http.HttpError;
import java.util.Map;

/**
 * Slows password guessing: after {@value #PER_USER} failed logins for one user name, or
 * {@value #PER_CLIENT} from one client address, within a {@value #WINDOW_MINUTES}-minute window
 * that starts at the first failure, further attempts get 429 with {@code Retry-After} until the
 * window ends. A success clears the user name's count.
 *
 * <p>The counts live in the database ({@code auth_login_failures}), so every node of an app
 * shares them: with counts per node, N nodes behind a load balancer would allow N times the
 * guesses. Each count moves by one atomic upsert, so two nodes can't both let the fifth guess in.
 *
 * <p>An attempt is counted as a failure when it starts ({@link #begin}), before its password is
 * checked, and taken back if it succeeds. Counting only after the ~80 ms hash would let a burst of
 * parallel guesses all pass the check before the first failure was recorded.
 *
 * <p>Threading: thread-safe; each call is one to three statements on the database (a few
 * milliseconds at most beside the hash), so it runs on the login's virtual thread.
 */
final class LoginThrottle {
    static final int PER_USER = 5;
    static final int PER_CLIENT = 20;
    static final int WINDOW_MINUTES = 15;
    private static final long WINDOW_MILLIS = WINDOW_MINUTES * 60_000L;

    /** Counts one more failure for a key, starting a new window if its old one is over. */
    private static final String COUNT = """
            INSERT INTO auth_login_failures (throttle_key, window_start, failures) VALUES (:key, :now, 1)
            ON CONFLICT (throttle_key) DO UPDATE SET
              failures = CASE WHEN auth_login_failures.window_start <= :expired THEN 1
                              ELSE auth_login_failures.failures + 1 END,
              window_start = CASE WHEN auth_login_failures.window_start <= :expired THEN :now
                                  ELSE auth_login_failures.window_start END
            RETURNING failures, window_start""";
    private static final String UNCOUNT =
            "UPDATE auth_login_failures SET failures = failures - 1 WHERE throttle_key = :key AND failures > 0";

    private final Database db;

    LoginThrottle(Database db) {
        this.db = db;
    }

    /** An attempt in progress, counted as failed until {@link #succeeded} says otherwise. */
    record Attempt(String username, String client, long at) {
    }

    /**
     * Counts an attempt for {@code username} from {@code client} (null when the address is unknown),
     * or throws 429 without counting it if either limit is reached.
     */
    Attempt begin(String username, String client) {
        long now = System.currentTimeMillis();
        String user = "u:" + username;
        long wait = count(user, PER_USER, now);
        if (wait == 0 && client != null) {
            wait = count("c:" + client, PER_CLIENT, now);
            if (wait > 0) {
                uncount(user);
            }
        }
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999) / 1000);
            throw new HttpError(429, "too many failed logins; try again later",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        return new Attempt(username, client, now);
    }

    /** The attempt's password was right: clears the user name's count and takes back the client's one. */
    void succeeded(Attempt attempt) {
        db.useTransaction(h -> {
            h.createUpdate("DELETE FROM auth_login_failures WHERE throttle_key = :key")
                    .bind("key", "u:" + attempt.username()).execute();
            if (attempt.client() != null) {
                h.createUpdate(UNCOUNT).bind("key", "c:" + attempt.client()).execute();
            }
        });
    }

    /** Forgets windows that are over, so guessed names don't pile up. */
    void prune() {
        long expired = System.currentTimeMillis() - WINDOW_MILLIS;
        db.useHandle(h -> h.createUpdate("DELETE FROM auth_login_failures WHERE window_start <= :expired")
                .bind("expired", expired).execute());
    }

    /** Counts a failure for {@code key}; over {@code limit}, takes it back and returns how long to wait. */
    private long count(String key, int limit, long now) {
        Map<String, Object> row = db.withHandle(h -> h.createQuery(COUNT).bind("key", key).bind("now", now)
                .bind("expired", now - WINDOW_MILLIS).mapToMap().one());
        int failures = ((Number) row.get("failures")).intValue();
        if (failures <= limit) {
            return 0;
        }
        uncount(key);
        long windowStart = ((Number) row.get("window_start")).longValue();
        // A parallel attempt may have started the window a moment after this one's clock read:
        // the wait is never longer than a window.
        return Math.min(WINDOW_MILLIS, Math.max(1, windowStart + WINDOW_MILLIS - now));
    }

    private void uncount(String key) {
        db.useHandle(h -> h.createUpdate(UNCOUNT).bind("key", key).execute());
    }
}
