package barista.auth;

import barista.http.HttpError;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #PER_USER} failed logins for one user name, or
 * {@value #PER_CLIENT} from one client address, within {@value #WINDOW_MINUTES} minutes, further
 * attempts get 429 with {@code Retry-After} until the oldest failure leaves the window. A success
 * clears the user name's count. Counts are per node and in memory: a restart forgets them.
 *
 * <p>Threading: thread-safe; each key's failures are guarded by that key's deque; never blocks on IO.
 */
final class LoginThrottle {
    static final int PER_USER = 5;
    static final int PER_CLIENT = 20;
    static final int WINDOW_MINUTES = 15;
    private static final long WINDOW_MILLIS = WINDOW_MINUTES * 60_000L;

    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    /** Throws 429 if either limit is reached; {@code client} may be null when the address is unknown. */
    void check(String username, String client) {
        long now = System.currentTimeMillis();
        long wait = Math.max(waitMillis("u:" + username, PER_USER, now),
                client == null ? 0 : waitMillis("c:" + client, PER_CLIENT, now));
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999) / 1000);
            throw new HttpError(429, "too many failed logins; try again later",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    void failed(String username, String client) {
        long now = System.currentTimeMillis();
        record("u:" + username, now);
        if (client != null) {
            record("c:" + client, now);
        }
    }

    void succeeded(String username) {
        failures.remove("u:" + username);
    }

    /** Forgets failures that left the window, so guessed names don't pile up. */
    void prune() {
        long cutoff = System.currentTimeMillis() - WINDOW_MILLIS;
        for (String key : failures.keySet()) {
            failures.computeIfPresent(key, (k, q) -> {
                synchronized (q) {
                    while (!q.isEmpty() && q.peekFirst() <= cutoff) {
                        q.pollFirst();
                    }
                    return q.isEmpty() ? null : q;
                }
            });
        }
    }

    private long waitMillis(String key, int limit, long now) {
        ArrayDeque<Long> q = failures.get(key);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst() <= now - WINDOW_MILLIS) {
                q.pollFirst();
            }
            if (q.size() < limit) {
                return 0;
            }
            // The attempt is allowed again once enough failures have aged out.
            long oldestThatCounts = q.stream().skip(q.size() - limit).findFirst().orElse(now);
            return oldestThatCounts + WINDOW_MILLIS - now;
        }
    }

    private void record(String key, long now) {
        failures.compute(key, (k, q) -> {
            ArrayDeque<Long> out = q == null ? new ArrayDeque<>() : q;
            synchronized (out) {
                out.addLast(now);
                if (out.size() > PER_CLIENT) {
                    out.pollFirst();
                }
            }
            return out;
        });
    }
}
