package barista.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * The {@code auth_change_log} table: each change to users, roles, keys or sessions adds rows in
 * its own transaction, and each node reads the rows after the last one it read. That is how a
 * node learns what the others changed without re-reading every table: before it, every change
 * anywhere (and every refresh) read every table, about 350 ms at 100,000 live sessions.
 *
 * <p>Rows that share one transaction commit together, but on PostgreSQL two transactions may
 * commit in the other order than they took their numbers. So a number that is missing below the
 * highest one read is a hole: it is asked for again on each read until it appears or
 * {@link #HOLE_MILLIS} pass (a rolled-back change leaves a hole for good).
 *
 * <p>Threading: not thread-safe; {@link Directory} calls it under its lock.
 */
final class ChangeLog {
    /** Rows older than this are deleted; a node that has not read for half of it reads everything instead. */
    static final long RETENTION_MILLIS = TimeUnit.MINUTES.toMillis(10);
    /** How long a missing number is waited for: far longer than an auth change's transaction. */
    static final long HOLE_MILLIS = TimeUnit.MINUTES.toMillis(1);
    /** More holes than this (a burst of rolled-back changes) are given up for one read of everything. */
    private static final int MAX_HOLES = 200;

    /** What the rows read name. */
    record Changes(boolean everything, Set<String> sessions) {
        static final Changes NONE = new Changes(false, Set.of());

        boolean any() {
            return everything || !sessions.isEmpty();
        }
    }

    private final String node;
    /** The highest number read; 0 before the first read. */
    private long seen;
    /** Numbers below {@link #seen} not read yet, with when they were first missed. */
    private final Map<Long, Long> holes = new HashMap<>();
    /** When the last read succeeded; 0 before the first. */
    private long lastRead;

    /** {@code node}: this process's id, so it skips the rows of its own changes. */
    ChangeLog(String node) {
        this.node = node;
    }

    /** Adds a row per session, or one row that means "anything else" when {@code sessions} is null. */
    void record(Handle h, Set<String> sessions, long now) {
        var insert = h.prepareBatch("INSERT INTO auth_change_log (node, session_hash, changed_at) VALUES (:n, :s, :t)");
        if (sessions == null) {
            insert.bind("n", node).bind("s", (String) null).bind("t", now).add();
        } else {
            for (String s : sessions) {
                insert.bind("n", node).bind("s", s).bind("t", now).add();
            }
        }
        insert.execute();
    }

    /**
     * Reads the rows after the last one read, and the holes; other nodes' rows come back as what
     * to read again. Too long since the last read (rows may have been pruned) or too many holes
     * come back as everything.
     */
    Changes read(Handle h, long now) {
        boolean stale = lastRead > 0 && now - lastRead > RETENTION_MILLIS / 2;
        List<Long> asked = List.copyOf(holes.keySet());
        var query = h.createQuery("SELECT seq, node, session_hash FROM auth_change_log WHERE seq > :seen"
                + (asked.isEmpty() ? "" : " OR seq IN (<holes>)") + " ORDER BY seq").bind("seen", seen);
        if (!asked.isEmpty()) {
            query.bindList("holes", asked);
        }
        boolean everything = stale;
        Set<String> sessions = new HashSet<>();
        List<Long> numbers = new ArrayList<>();
        for (var row : query.map((rs, c) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list()) {
            numbers.add(row.seq);
            if (row.node.equals(node)) {
                continue;
            }
            if (row.session == null) {
                everything = true;
            } else {
                sessions.add(row.session);
            }
        }
        boolean overflow = advance(numbers, now);
        lastRead = now;
        if (overflow || holes.size() > MAX_HOLES) {
            holes.clear();
            everything = true;
        }
        return everything ? new Changes(true, Set.of()) : sessions.isEmpty() ? Changes.NONE : new Changes(false, sessions);
    }

    private record Row(long seq, String node, String session) {
    }

    /**
     * Moves {@link #seen} past {@code numbers} (ascending), noting the gaps below it and dropping
     * expired holes; true when a gap was too wide to note.
     */
    private boolean advance(List<Long> numbers, long now) {
        boolean overflow = false;
        for (long n : numbers) {
            holes.remove(n);
            if (n > seen) {
                if (seen > 0 && n - seen - 1 > MAX_HOLES) {
                    overflow = true;
                } else {
                    for (long missing = seen + 1; missing < n && seen > 0; missing++) {
                        holes.put(missing, now);
                    }
                }
                seen = n;
            }
        }
        for (Iterator<Long> it = holes.values().iterator(); it.hasNext(); ) {
            if (now - it.next() > HOLE_MILLIS) {
                it.remove();
            }
        }
        return overflow;
    }

    /** Deletes rows past {@link #RETENTION_MILLIS}. */
    static void prune(Handle h, long now) {
        h.createUpdate("DELETE FROM auth_change_log WHERE changed_at < :before").bind("before", now - RETENTION_MILLIS).execute();
    }
}
