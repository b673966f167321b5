package barista.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * The {@code auth_change_log} table: each change to users, roles, keys or sessions adds rows in
 * its own transaction, and each node reads the rows after the last one it read. That is how a
 * node learns what the others changed without re-reading every table: before it, every change
 * anywhere (and every refresh) read every table, about 350 ms at 100,000 live sessions. A row
 * names what changed: a session, an API key, a user or a role, whose rows the readers read again;
 * a session's row with a time ({@code seen_at}: used on another node) only moves its last-seen
 * time on readers that know it. A row of a kind a reader doesn't know (a later version's), or an
 * {@link #ALL} row (which earlier versions wrote for users and roles), makes it read every table.
 *
 * <p>Rows that share one transaction commit together, but on PostgreSQL two transactions may
 * commit in the other order than they took their numbers, and one transaction may hold thousands
 * (a batch of last-seen times). So numbers missing below the highest one read are holes, kept as
 * ranges: they are asked for again on each read until they appear or {@link #HOLE_MILLIS} pass
 * (a change that rolled back leaves a hole for good). Only the newest {@link #KEEP} rows are
 * kept; a reader whose next row is gone reads everything instead.
 *
 * <p>Threading: {@link #read} is not thread-safe ({@link Directory} calls it under its lock);
 * {@link #record} and {@link #prune} keep no state and may run on any thread.
 */
final class ChangeLog {
    /** How many of the newest rows are kept: minutes of changes even when 100,000 sessions are in use. */
    static final int KEEP = 200_000;
    /** How long a missing number is waited for: far longer than an auth change's transaction. */
    static final long HOLE_MILLIS = TimeUnit.MINUTES.toMillis(1);
    /**
     * At the first read, how many numbers below the newest may belong to changes still
     * committing: more than one batch of last-seen times for 10,000 sessions. A wider batch
     * committing then costs at most a few last-seen times, which the next batch brings.
     */
    private static final int FIRST_READ_LOOKBACK = 20_000;
    /**
     * More separate holes than this at once (something unusual) are given up, oldest first, for
     * one read of everything; each is one condition in the read's query.
     */
    private static final int MAX_HOLES = 200;

    /** A row's kind: its subject is a session's id hash; with {@code seen_at}, only its last-seen time moved. */
    static final String SESSION = "session";
    /** A row's kind: its subject is an API key's id. */
    static final String KEY = "key";
    /** A row's kind: its subject is a user's name (made, roles, password, enabled or not). */
    static final String USER = "user";
    /** A row's kind: its subject is a role's name (made, permissions, deleted). */
    static final String ROLE = "role";
    /** A row's kind: no subject; anything may have changed. Written by earlier versions for users and roles. */
    static final String ALL = "all";

    /**
     * What the rows read name: everything, or these users, roles, sessions (by id hash) and keys
     * (by id) to read again, and sessions only used elsewhere, with when they were last seen there.
     */
    record Changes(boolean everything, Set<String> users, Set<String> roles, Set<String> sessions, Set<String> keys,
                   Map<String, Long> seen) {
        static final Changes NONE = new Changes(false, Set.of(), Set.of(), Set.of(), Set.of(), Map.of());
        static final Changes EVERYTHING = new Changes(true, Set.of(), Set.of(), Set.of(), Set.of(), Map.of());

        boolean none() {
            return !everything && users.isEmpty() && roles.isEmpty() && sessions.isEmpty() && keys.isEmpty()
                    && seen.isEmpty();
        }
    }

    /** Numbers {@code from} to {@code to}, both included, missing since {@code since}. */
    private record Hole(long from, long to, long since) {
    }

    private final String node;
    /** Whether {@link #first} ran: the log may be empty then, and {@link #seen} still 0. */
    private boolean started;
    /** The highest number read; 0 while none was. */
    private long seen;
    /** The holes below {@link #seen}, by their first number; they never overlap. */
    private final TreeMap<Long, Hole> holes = new TreeMap<>();
    /**
     * When holes that were given up would all have filled: a read then reports everything once
     * more, for what committed in them after the read that gave them up.
     */
    private long fullReadDue = Long.MAX_VALUE;

    /** {@code node}: this process's id, so it skips the rows of its own changes. */
    ChangeLog(String node) {
        this.node = node;
    }

    /**
     * Adds a {@link #SESSION} row per session with when it was last seen here: a reader that knows
     * the session moves its time instead of reading its row.
     */
    void recordSeen(Handle h, Map<String, Long> lastSeen) {
        insert(h, SESSION, lastSeen);
    }

    /** Adds a row per subject of {@code kind}. */
    void record(Handle h, String kind, Set<String> subjects) {
        Map<String, Long> noTimes = new HashMap<>();
        subjects.forEach(subject -> noTimes.put(subject, null));
        insert(h, kind, noTimes);
    }

    /** One row per subject of {@code kind}, each with its {@code seen_at} (null for none), in one batch. */
    private void insert(Handle h, String kind, Map<String, Long> seenAt) {
        var insert = h.prepareBatch("INSERT INTO auth_change_log (node, kind, subject, seen_at) "
                + "VALUES (:node, :kind, :subject, :seen)");
        seenAt.forEach((subject, at) -> insert.bind("node", node).bind("kind", kind).bind("subject", subject)
                .bind("seen", at).add());
        if (insert.size() > 0) {
            insert.execute();
        }
    }

    /**
     * Reads the rows after the last one read, and those in the holes; other nodes' rows come back
     * as what to read again, or as last-seen times. The first read, a read that finds its next
     * rows pruned, and one that had to give up holes come back as everything.
     */
    Changes read(Handle h, long now) {
        if (!started) {
            return first(h, now);
        }
        boolean everything = false;
        if (now >= fullReadDue) {
            fullReadDue = Long.MAX_VALUE;
            everything = true;
        }
        StringBuilder where = new StringBuilder("seq > :seen");
        List<Hole> asked = List.copyOf(holes.values());
        for (int i = 0; i < asked.size(); i++) {
            where.append(" OR seq BETWEEN :from").append(i).append(" AND :to").append(i);
        }
        var query = h.createQuery("SELECT seq, node, kind, subject, seen_at FROM auth_change_log WHERE " + where
                        + " ORDER BY seq")
                .bind("seen", seen);
        for (int i = 0; i < asked.size(); i++) {
            query.bind("from" + i, asked.get(i).from()).bind("to" + i, asked.get(i).to());
        }
        Set<String> users = new HashSet<>();
        Set<String> roles = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Map<String, Long> lastSeen = new HashMap<>();
        List<Long> numbers = new ArrayList<>();
        for (var row : query.map((rs, c) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5) == null ? null : rs.getLong(5))).list()) {
            numbers.add(row.seq);
            if (row.node.equals(node)) {
                continue;
            }
            switch (row.kind) {
                case SESSION -> {
                    if (row.seenAt == null) {
                        sessions.add(row.subject);
                    } else {
                        lastSeen.merge(row.subject, row.seenAt, Math::max);
                    }
                }
                case KEY -> keys.add(row.subject);
                case USER -> users.add(row.subject);
                case ROLE -> roles.add(row.subject);
                default -> everything = true; // ALL, or a kind from a later version
            }
        }
        // Read after the rows, so a prune in between shows: the rows after this reader's, or in a
        // hole, were pruned (or rolled back, which a full read covers as well). Once the log has
        // rows it always keeps the newest, so a reader that saw none has missed none.
        Long oldest = seen == 0 ? null : h.createQuery("SELECT MIN(seq) FROM auth_change_log").mapTo(Long.class).one();
        if (oldest != null && (oldest > seen + 1 || (!holes.isEmpty() && holes.firstKey() < oldest))) {
            everything = true;
            holes.headMap(oldest).clear();
        }
        everything |= advance(numbers, now);
        if (everything) {
            return Changes.EVERYTHING;
        }
        lastSeen.keySet().removeAll(sessions); // read again anyway
        Changes named = new Changes(false, users, roles, sessions, keys, lastSeen);
        return named.none() ? Changes.NONE : named;
    }

    /** Starts from the newest row; the numbers below it that aren't there may still be committing. */
    private Changes first(Handle h, long now) {
        Long newest = h.createQuery("SELECT MAX(seq) FROM auth_change_log").mapTo(Long.class).one();
        if (newest != null) {
            long from = Math.max(1, newest - FIRST_READ_LOOKBACK);
            List<Long> there = h.createQuery("SELECT seq FROM auth_change_log WHERE seq >= :from AND seq <= :newest "
                    + "ORDER BY seq").bind("from", from).bind("newest", newest).mapTo(Long.class).list();
            long next = from;
            for (long n : there) {
                if (n > next) {
                    holes.put(next, new Hole(next, n - 1, now));
                }
                next = n + 1;
            }
            seen = newest;
        }
        started = true;
        trim();
        return Changes.EVERYTHING;
    }

    private record Row(long seq, String node, String kind, String subject, Long seenAt) {
    }

    /**
     * Moves {@link #seen} past {@code numbers} (ascending), taking them out of the holes and
     * noting new gaps; drops expired holes. True when holes had to be given up.
     */
    private boolean advance(List<Long> numbers, long now) {
        for (long n : numbers) {
            if (n > seen) {
                // below a first row, only the numbers that may still be committing; above seen, every one
                long from = seen == 0 ? Math.max(1, n - FIRST_READ_LOOKBACK) : seen + 1;
                if (from < n) {
                    holes.put(from, new Hole(from, n - 1, now));
                }
                seen = n;
            } else {
                fill(n);
            }
        }
        holes.values().removeIf(hole -> now - hole.since() > HOLE_MILLIS);
        return trim();
    }

    /** Takes {@code n} out of the hole that holds it, if any, splitting it in two. */
    private void fill(long n) {
        Map.Entry<Long, Hole> at = holes.floorEntry(n);
        if (at == null || at.getValue().to() < n) {
            return;
        }
        Hole hole = holes.remove(at.getKey());
        if (hole.from() < n) {
            holes.put(hole.from(), new Hole(hole.from(), n - 1, hole.since()));
        }
        if (n < hole.to()) {
            holes.put(n + 1, new Hole(n + 1, hole.to(), hole.since()));
        }
    }

    /**
     * Gives up the oldest holes past {@link #MAX_HOLES}, owing a second read of everything for
     * when they would have filled; true when it gave some up.
     */
    private boolean trim() {
        if (holes.size() <= MAX_HOLES) {
            return false;
        }
        List<Hole> bySince = new ArrayList<>(holes.values());
        bySince.sort(Comparator.comparingLong(Hole::since).thenComparingLong(Hole::from));
        for (Iterator<Hole> it = bySince.iterator(); holes.size() > MAX_HOLES && it.hasNext(); ) {
            Hole given = it.next();
            holes.remove(given.from());
            long filled = given.since() + HOLE_MILLIS;
            fullReadDue = fullReadDue == Long.MAX_VALUE ? filled : Math.max(fullReadDue, filled);
        }
        return true;
    }

    /**
     * Deletes all but the newest {@link #KEEP} rows, when there are more: looking first is a
     * read, and a delete that finds nothing would still take SQLite's one write lock, which the
     * prediction log's writer waits on.
     */
    static void prune(Handle h) {
        var span = h.createQuery("SELECT MIN(seq), MAX(seq) FROM auth_change_log")
                .map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
        if (span[1] - span[0] >= KEEP) {
            h.createUpdate("DELETE FROM auth_change_log WHERE seq <= :below").bind("below", span[1] - KEEP).execute();
        }
    }
}
