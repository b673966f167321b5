package barista.auth;

import barista.http.HttpError;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Slows password guessing: after {@value #PER_USER} failed logins for one user name, or
 * {@value #PER_CLIENT} from one client address, within {@value #WINDOW_MINUTES} minutes, further
 * attempts get 429 with {@code Retry-After} until the oldest failure leaves the window. A success
 * clears the user name's count. Counts are per node and in memory: a restart forgets them.
 *
 * <p>An attempt is counted as a failure when it starts ({@link #begin}), before its password is
 * checked, and taken back if it succeeds. Counting only after the ~80 ms hash would let a burst of
 * parallel guesses all pass the check before the first failure was recorded.
 *
 * <p>Threading: thread-safe; one lock guards every count (held for microseconds, never across IO).
 */
final class LoginThrottle {
    static final int PER_USER = 5;
    static final int PER_CLIENT = 20;
    static final int WINDOW_MINUTES = 15;
    private static final long WINDOW_MILLIS = WINDOW_MINUTES * 60_000L;

    private final Map<String, ArrayDeque<Long>> failures = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    /** An attempt in progress, counted as failed until {@link #succeeded} says otherwise. */
    record Attempt(String username, String client, long at) {
    }

    /**
     * Counts an attempt for {@code username} from {@code client} (null when the address is unknown),
     * or throws 429 without counting it if either limit is reached.
     */
    Attempt begin(String username, String client) {
        long now = System.currentTimeMillis();
        lock.lock();
        try {
            long wait = Math.max(waitMillis("u:" + username, PER_USER, now),
                    client == null ? 0 : waitMillis("c:" + client, PER_CLIENT, now));
            if (wait > 0) {
                long seconds = Math.max(1, (wait + 999) / 1000);
                throw new HttpError(429, "too many failed logins; try again later",
                        Map.of("Retry-After", Long.toString(seconds)));
            }
            record("u:" + username, now);
            if (client != null) {
                record("c:" + client, now);
            }
            return new Attempt(username, client, now);
        } finally {
            lock.unlock();
        }
    }

    /** The attempt's password was right: clears the user name's count and takes back the client's one. */
    void succeeded(Attempt attempt) {
        lock.lock();
        try {
            failures.remove("u:" + attempt.username());
            if (attempt.client() != null) {
                ArrayDeque<Long> q = failures.get("c:" + attempt.client());
                if (q != null) {
                    q.removeLastOccurrence(attempt.at());
                    if (q.isEmpty()) {
                        failures.remove("c:" + attempt.client());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Forgets failures that left the window, so guessed names don't pile up. */
    void prune() {
        long cutoff = System.currentTimeMillis() - WINDOW_MILLIS;
        lock.lock();
        try {
            failures.values().removeIf(q -> {
                while (!q.isEmpty() && q.peekFirst() <= cutoff) {
                    q.pollFirst();
                }
                return q.isEmpty();
            });
        } finally {
            lock.unlock();
        }
    }

    private long waitMillis(String key, int limit, long now) {
        ArrayDeque<Long> q = failures.get(key);
        if (q == null) {
            return 0;
        }
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

    private void record(String key, long now) {
        ArrayDeque<Long> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        q.addLast(now);
        if (q.size() > PER_CLIENT) {
            q.pollFirst();
        }
    }
}
