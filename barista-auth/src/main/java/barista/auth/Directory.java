package barista.auth;

import barista.data.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Everything a request is checked against, in memory: users with their roles, roles with their
 * permissions, live API keys and sessions. It exists because the access control runs on the event
 * loop for model endpoints and must never wait for the database.
 *
 * <p>Changes this process makes go to the database first, in a transaction that also adds their
 * rows to the {@link ChangeLog}, then here ({@link #writeUser} and the like); the {@link ChangeFeed} tells the
 * other nodes when it commits. Changes other nodes make arrive by {@link #catchUp}: this node
 * reads the log's new rows and then only what they name: the roles made, changed or deleted,
 * with who has them ({@link #roles}), the users made or changed, with their sessions and keys
 * ({@link #users}), the API keys made or revoked ({@link #keys}) and the sessions of a sign-in or
 * a sign-out ({@link #sessions}); every table only for a row it can't place ({@link #reload}). A
 * last-seen time another node wrote back comes with its time, which moves the session's here.
 * Before the log, every sign-in anywhere and every refresh re-read every table, about 25 ms at
 * 10,000 live sessions and 350 ms at 100,000; so did every user made, which on an app where
 * people sign up is as often as sign-ins. Every table is still read every
 * {@link #FULL_READ_MILLIS}, for edits made to the tables outside Barista. Changes and reads all
 * hold {@link #lock}, so a read that saw the database just before a local change can't undo it.
 *
 * <p>Threading: readers ({@link #user}, {@link #key}, {@link #session}, {@link #permissionsOf})
 * use concurrent maps and never block. Writers and the reload take the lock and block on the
 * database, so they run on virtual threads or the refresh thread.
 */
final class Directory implements ChangeFeed.Listener {
    /** How often every table is read even when the change log names nothing. */
    static final long FULL_READ_MILLIS = java.util.concurrent.TimeUnit.MINUTES.toMillis(10);
    /** Sessions or keys read again per query: a list well inside both drivers' limits on parameters. */
    private static final int ROWS_PER_READ = 500;

    record UserEntry(String username, String passwordHash, boolean active, Set<String> roles, long createdAt) {
        UserEntry {
            roles = Set.copyOf(roles);
        }

        User toUser() {
            return new User(username, roles, active, java.time.Instant.ofEpochMilli(createdAt));
        }
    }

    /** A key that isn't revoked; {@code lastUsed} is written back in batches. */
    static final class KeyEntry {
        final String keyId;
        final String username;
        final byte[] secretHash;
        final Long expiresAt;
        volatile long lastUsed;
        volatile long flushedLastUsed;

        KeyEntry(String keyId, String username, byte[] secretHash, Long expiresAt, long lastUsed) {
            this.keyId = keyId;
            this.username = username;
            this.secretHash = secretHash;
            this.expiresAt = expiresAt;
            this.lastUsed = lastUsed;
            this.flushedLastUsed = lastUsed;
        }
    }

    /** A session by the hex SHA-256 of its id; {@code lastSeen} is written back in batches. */
    static final class SessionEntry {
        final String idHash;
        final String username;
        final String csrfToken;
        final long createdAt;
        final long expiresAt;
        volatile long lastSeen;
        volatile long flushedLastSeen;

        SessionEntry(String idHash, String username, String csrfToken, long createdAt, long expiresAt, long lastSeen) {
            this.idHash = idHash;
            this.username = username;
            this.csrfToken = csrfToken;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
            this.lastSeen = lastSeen;
            this.flushedLastSeen = lastSeen;
        }

        /**
         * Takes {@code at}, when the database or another node last saw this session, as written
         * back, and as its last-seen time if later. Atomic, because requests on this node set
         * the time meanwhile: a plain check-then-write could put back an older time over theirs.
         */
        void seenElsewhere(long at) {
            long current;
            while ((current = lastSeen) < at && !LAST_SEEN.compareAndSet(this, current, at)) {
                Thread.onSpinWait();
            }
            flushedLastSeen = Math.max(flushedLastSeen, at);
        }

        private static final java.lang.invoke.VarHandle LAST_SEEN;

        static {
            try {
                LAST_SEEN = java.lang.invoke.MethodHandles.lookup().findVarHandle(SessionEntry.class, "lastSeen", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    final ConcurrentHashMap<String, UserEntry> users = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Set<String>> roles = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, KeyEntry> keys = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, SessionEntry> sessions = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong fullReloads = new AtomicLong();
    private final Database db;
    private final ChangeFeed feed;
    private final ChangeLog log;
    /** When every table was last read; {@link #lock} guards it. */
    private long lastFullRead;
    /**
     * Whether a read of every table is owed: one failed, or a read that followed the log did, so
     * the log has moved past changes not read yet; {@link #lock} guards it.
     */
    private boolean fullReadOwed;
    /**
     * When a node of an earlier version, which writes no log, last announced a change. Until
     * {@link #FULL_READ_MILLIS} after, each refresh reads every table, as those nodes expect.
     */
    private volatile long lastLegacyNotice = Long.MIN_VALUE / 2;
    private final long sessionIdleMillis;
    /** How far a last-seen time may move before it is written back: a minute, less for short idle timeouts. */
    private final long touchMillis;

    Directory(Database db, long sessionIdleMillis, ChangeFeed feed, ChangeLog log) {
        this.db = db;
        this.feed = feed;
        this.log = log;
        this.sessionIdleMillis = sessionIdleMillis;
        this.touchMillis = Math.min(60_000, sessionIdleMillis / 4);
    }

    Database db() {
        return db;
    }

    UserEntry user(String username) {
        return username == null ? null : users.get(username);
    }

    KeyEntry key(String keyId) {
        return keys.get(keyId);
    }

    SessionEntry session(String idHash) {
        return sessions.get(idHash);
    }

    /** The union of the permissions of {@code user}'s roles. */
    Set<String> permissionsOf(UserEntry user) {
        Set<String> out = new HashSet<>();
        for (String r : user.roles()) {
            Set<String> p = roles.get(r);
            if (p != null) {
                out.addAll(p);
            }
        }
        return out;
    }

    AuthPrincipal principal(UserEntry user, Credential credential, String keyId) {
        return new AuthPrincipal(user.username(), user.roles(), permissionsOf(user), credential, keyId);
    }

    /**
     * Runs a change to this user (database, then these maps) so no read interleaves with it, in
     * one transaction with its change-log row and its notice; nested {@link Database} calls on
     * this thread join that transaction. The other nodes read the user's rows again, and its
     * sessions and keys. A change that throws (a refusal, before it touches these maps) is rolled
     * back and not announced; when the commit fails after the change ran, these maps are read
     * again.
     */
    <T> T writeUser(String username, Supplier<T> change) {
        return change(ChangeLog.USER, Set.of(username), change);
    }

    void writeUser(String username, Runnable change) {
        writeUser(username, returningNull(change));
    }

    /** As {@link #writeUser}, for a change to this role: the other nodes read it and who has it again. */
    <T> T writeRole(String name, Supplier<T> change) {
        return change(ChangeLog.ROLE, Set.of(name), change);
    }

    void writeRole(String name, Runnable change) {
        writeRole(name, returningNull(change));
    }

    /** As {@link #writeUser}, for a change to these sessions only (a sign-in, a sign-out). */
    void writeSessions(Set<String> idHashes, Runnable change) {
        change(ChangeLog.SESSION, idHashes, returningNull(change));
    }

    /** As {@link #writeUser}, for a change to these API keys only (made, revoked). */
    <T> T writeKeys(Set<String> keyIds, Supplier<T> change) {
        return change(ChangeLog.KEY, keyIds, change);
    }

    void writeKeys(Set<String> keyIds, Runnable change) {
        writeKeys(keyIds, returningNull(change));
    }

    private <T> T change(String kind, Set<String> subjects, Supplier<T> change) {
        if (db.isInTransaction()) {
            // it would join that transaction, and memory would keep the change if the caller's rolled back
            throw new IllegalStateException("users, roles, keys and sessions change in a transaction of their own;"
                    + " this thread is in one already: make the change after it commits");
        }
        return locked(() -> {
            boolean[] applied = {false};
            try {
                return db.inTransaction(h -> {
                    T result = change.get(); // a refusal throws before it writes, and leaves no row
                    applied[0] = true;
                    log.record(h, kind, subjects);
                    feed.announce(h);
                    return result;
                });
            } catch (RuntimeException e) {
                if (applied[0]) { // the maps took a change whose transaction failed (reload owes itself until done)
                    try {
                        reload();
                    } catch (RuntimeException again) {
                        e.addSuppressed(again);
                    }
                }
                throw e;
            }
        });
    }

    private <T> T locked(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable change) {
        locked(returningNull(change));
    }

    /** {@code action} as a supplier, for the methods here that take either. */
    private static Supplier<Void> returningNull(Runnable action) {
        return () -> {
            action.run();
            return null;
        };
    }

    /** Reads what other nodes changed since the last read: the roles, users, keys and sessions they name, or everything. */
    @Override
    public void catchUp() {
        ChangeLog.Changes changes = locked(() -> {
            if (!fullReadOwed) {
                ChangeLog.Changes read = db.withHandle(h -> log.read(h, System.currentTimeMillis()));
                fullReadOwed = read.everything(); // the log is past it now, whether or not the read below works
                return read;
            }
            return ChangeLog.Changes.EVERYTHING;
        });
        if (changes.everything()) {
            reload();
        } else if (!changes.none()) {
            try {
                // in this order: a user's roles may be new, and a key's or session's user may be
                roles(changes.roles());
                users(changes.users());
                keys(changes.keys());
                Set<String> reread = new HashSet<>(changes.sessions());
                reread.addAll(seenElsewhere(changes.seen()));
                sessions(reread);
            } catch (RuntimeException e) {
                locked(() -> {
                    fullReadOwed = true; // the log has moved past these
                });
                throw e;
            }
        }
    }

    /** The feed hears notices from now on; what changed before, from nodes of earlier versions too, is read now. */
    @Override
    public void listening() {
        reload();
    }

    /** A notice from a node of an earlier version: it wrote no log rows, so read everything, now and at each refresh for a while. */
    @Override
    public void everything() {
        lastLegacyNotice = System.currentTimeMillis();
        reload();
    }

    /**
     * What the refresh does with the database besides writing back and purging: catches up
     * with the log, reads every table when {@link #FULL_READ_MILLIS} have passed (or a node of
     * an earlier version is about), and deletes the log's old rows.
     */
    void refresh(long now) {
        catchUp();
        if (locked(() -> now - lastFullRead >= FULL_READ_MILLIS) || now - lastLegacyNotice < FULL_READ_MILLIS) {
            reload();
        }
        db.useHandle(ChangeLog::prune);
    }

    /**
     * Reads these roles again, with who has them: a role that is there gets its permissions, one
     * that is gone goes. Who has them is read too, because a role deleted and made again between
     * two reads has lost its members, as one deleted has (the database's cascade). Requests read
     * these maps without the lock, so the changes go in an order that never grants more than the
     * state before or the one after: members who lost a role lose it first, then the
     * permissions change, then new members get it.
     */
    void roles(Set<String> names) {
        inChunks(names, some -> locked(() -> db.useHandle(h -> {
            Map<String, Set<String>> found = readRoles(h, some);
            Map<String, Set<String>> members = readMemberships(h, "role_name", some); // user -> which of these they have
            Set<String> named = Set.copyOf(some);
            users.replaceAll((u, e) -> withoutRoles(e, named, members.getOrDefault(u, Set.of())));
            for (String name : some) {
                Set<String> permissions = found.get(name);
                if (permissions != null) {
                    roles.put(name, permissions);
                } else {
                    roles.remove(name);
                }
            }
            members.forEach((u, held) -> users.computeIfPresent(u, (k, e) -> withRoles(e, held)));
        })));
    }

    /** Takes a deleted role from its users, then from memory. */
    void forgetRole(String name) {
        users.replaceAll((u, e) -> withoutRoles(e, Set.of(name), Set.of()));
        roles.remove(name);
    }

    /** {@code user} without those of the roles {@code named} that aren't {@code held}; the same entry if none. */
    private static UserEntry withoutRoles(UserEntry user, Set<String> named, Set<String> held) {
        Set<String> left = null;
        for (String role : user.roles()) {
            if (named.contains(role) && !held.contains(role)) {
                if (left == null) {
                    left = new HashSet<>(user.roles());
                }
                left.remove(role);
            }
        }
        return left == null ? user : new UserEntry(user.username(), user.passwordHash(), user.active(), left,
                user.createdAt());
    }

    /** {@code user} with the roles {@code held} too; the same entry if it has them. */
    private static UserEntry withRoles(UserEntry user, Set<String> held) {
        if (user.roles().containsAll(held)) {
            return user;
        }
        Set<String> all = new HashSet<>(user.roles());
        all.addAll(held);
        return new UserEntry(user.username(), user.passwordHash(), user.active(), all, user.createdAt());
    }

    /**
     * Reads these users again, with their roles, sessions and keys: a new password or a disabled
     * user ends the user's sessions, and they must end here too. A user that is gone goes with
     * its sessions and keys.
     */
    void users(Set<String> names) {
        Set<String> unknownRoles = new HashSet<>();
        inChunks(names, some -> locked(() -> db.useHandle(h -> {
            long now = System.currentTimeMillis();
            Map<String, UserEntry> found = readUsers(h, some);
            Map<String, SessionEntry> live = liveSessions(h, now, "username", some);
            Map<String, KeyEntry> liveKeys = liveKeys(h, "username", some);
            Set<String> named = Set.copyOf(some);
            for (String name : some) {
                UserEntry user = found.get(name);
                if (user != null) {
                    users.put(name, user);
                    user.roles().stream().filter(r -> !roles.containsKey(r)).forEach(unknownRoles::add);
                } else {
                    users.remove(name);
                }
            }
            sessions.values().removeIf(e -> named.contains(e.username) && !live.containsKey(e.idHash));
            live.forEach(this::merge);
            keys.values().removeIf(k -> named.contains(k.username) && !liveKeys.containsKey(k.keyId));
            liveKeys.forEach(this::mergeKey);
        })));
        // a role this node missed (one made outside Barista): read it rather than grant less until the next full read
        roles(unknownRoles);
    }

    /** Runs {@code read} on {@value #ROWS_PER_READ} of {@code ids} at a time. */
    private static void inChunks(Set<String> ids, java.util.function.Consumer<List<String>> read) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += ROWS_PER_READ) {
            read.accept(all.subList(from, Math.min(all.size(), from + ROWS_PER_READ)));
        }
    }

    /**
     * Moves the last-seen times of sessions used on other nodes, so they don't look idle here,
     * and takes those times as written back; returns the sessions this node doesn't know, whose
     * rows it must read.
     */
    private Set<String> seenElsewhere(Map<String, Long> seen) {
        Set<String> unknown = new HashSet<>();
        locked(() -> seen.forEach((idHash, at) -> {
            SessionEntry session = sessions.get(idHash);
            if (session == null) {
                unknown.add(idHash);
            } else {
                session.seenElsewhere(at);
            }
        }));
        return unknown;
    }

    /**
     * Reads these keys' rows again: a key that is there and not revoked replaces the entry (the
     * later of the two last-use times kept), else it goes.
     */
    void keys(Set<String> keyIds) {
        reread(keyIds, ids -> db.withHandle(h -> liveKeys(h, "key_id", ids)), keys, this::mergeKey, k -> k.username);
    }

    /** Reads these sessions' rows again: a row that is there and live replaces the entry, else it goes. */
    void sessions(Set<String> idHashes) {
        reread(idHashes, ids -> db.withHandle(h -> liveSessions(h, System.currentTimeMillis(), "id_hash", ids)),
                sessions, this::merge, e -> e.username);
    }

    /**
     * Reads the rows of these ids again, {@value #ROWS_PER_READ} a query: each entry is merged
     * with its row, or goes when there is none. An entry of a user this node doesn't know means
     * it missed a change: it reads everything then, rather than answer 401 until the next full
     * read.
     */
    private <E> void reread(Set<String> ids, Function<List<String>, Map<String, E>> read, Map<String, E> entries,
                            BiConsumer<String, E> merge, Function<E, String> owner) {
        boolean[] missed = {false};
        inChunks(ids, some -> locked(() -> {
            Map<String, E> found = read.apply(some);
            for (String id : some) {
                E fresh = found.get(id);
                if (fresh == null) {
                    entries.remove(id);
                } else {
                    merge.accept(id, fresh);
                    missed[0] |= !users.containsKey(owner.apply(fresh));
                }
            }
        }));
        if (missed[0]) {
            reload();
        }
    }

    /** How many times every table was read again; for tests that check a sign-in didn't cause one. */
    long fullReloads() {
        return fullReloads.get();
    }

    /** Writes back when sessions were last seen and keys last used, if that moved by {@link #touchMillis} or more. */
    void flushTouches() {
        Map<SessionEntry, Long> seen = new HashMap<>(); // each time read once: requests move them meanwhile
        for (SessionEntry s : sessions.values()) {
            long lastSeen = s.lastSeen;
            if (lastSeen - s.flushedLastSeen >= touchMillis) {
                seen.put(s, lastSeen);
            }
        }
        List<KeyEntry> used = new ArrayList<>();
        for (KeyEntry k : keys.values()) {
            if (k.lastUsed - k.flushedLastUsed >= touchMillis) {
                used.add(k);
            }
        }
        if (seen.isEmpty() && used.isEmpty()) {
            return;
        }
        db.useTransaction(h -> {
            if (!seen.isEmpty()) {
                var batch = h.prepareBatch("UPDATE auth_sessions SET last_seen_at = :t WHERE id_hash = :h");
                Map<String, Long> touched = new HashMap<>();
                seen.forEach((s, lastSeen) -> {
                    batch.bind("t", lastSeen).bind("h", s.idHash).add();
                    touched.put(s.idHash, lastSeen);
                });
                batch.execute();
                // with the times, so a session used only here stays live on the other nodes without a read
                log.recordSeen(h, touched);
                feed.announce(h);
            }
            if (!used.isEmpty()) {
                var batch = h.prepareBatch("UPDATE auth_api_keys SET last_used_at = :t WHERE key_id = :k");
                for (KeyEntry k : used) {
                    batch.bind("t", k.lastUsed).bind("k", k.keyId).add();
                }
                batch.execute();
            }
        });
        seen.forEach((s, lastSeen) -> s.flushedLastSeen = lastSeen);
        used.forEach(k -> k.flushedLastUsed = k.lastUsed);
    }

    /** Deletes sessions past their expiry or idle timeout, here and in the database. */
    void purgeSessions(long now) {
        long idleCutoff = now - sessionIdleMillis;
        Set<String> idleHere = new HashSet<>();
        locked(() -> { // every node purges by the same clock, so there is nothing to announce
            db.useHandle(h -> h.createUpdate("DELETE FROM auth_sessions WHERE expires_at <= :now OR last_seen_at <= :idle")
                    .bind("now", now).bind("idle", idleCutoff).execute());
            sessions.values().removeIf(s -> s.expiresAt <= now);
            sessions.values().forEach(s -> {
                if (s.lastSeen <= idleCutoff) {
                    idleHere.add(s.idHash);
                }
            });
        });
        // Idle by this node's clock of last use, but another node may have used it since: its row says.
        sessions(idleHere);
    }

    /**
     * Replaces these maps' contents with the database's, keeping the later of two last-seen times.
     * Reads the change log first: what it holds now is covered by this read.
     */
    void reload() {
        fullReloads.incrementAndGet();
        locked(() -> {
            fullReadOwed = true; // until every table below is read: the log moves past their changes first
            readEverything();
        });
    }

    private void readEverything() {
        db.useHandle(h -> {
            long now = System.currentTimeMillis();
            log.read(h, now);
            Map<String, UserEntry> newUsers = readUsers(h, null);
            Map<String, Set<String>> newRoles = readRoles(h, null);

            Map<String, KeyEntry> newKeys = liveKeys(h, null, null);
            Map<String, SessionEntry> newSessions = liveSessions(h, now, null, null);

            users.keySet().retainAll(newUsers.keySet());
            users.putAll(newUsers);
            roles.keySet().retainAll(newRoles.keySet());
            roles.putAll(newRoles);
            keys.keySet().retainAll(newKeys.keySet());
            newKeys.forEach(this::mergeKey);
            sessions.keySet().retainAll(newSessions.keySet());
            newSessions.forEach(this::merge);
            fullReadOwed = false;
            lastFullRead = now;
        });
    }

    /** Users with their roles: these {@code names}, or every one when null. */
    private static Map<String, UserEntry> readUsers(Handle h, List<String> names) {
        Map<String, Set<String>> userRoles = readMemberships(h, "username", names);
        Map<String, UserEntry> found = new HashMap<>();
        only(h, "SELECT username, password_hash, active, created_at FROM auth_users", "username", names)
                .map((rs, c) -> new UserEntry(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        userRoles.getOrDefault(rs.getString(1), Set.of()), rs.getLong(4)))
                .forEach(u -> found.put(u.username(), u));
        return found;
    }

    /** Each user's roles, from the rows whose {@code column} is one of {@code names} (every row when null). */
    private static Map<String, Set<String>> readMemberships(Handle h, String column, List<String> names) {
        Map<String, Set<String>> byUser = new HashMap<>();
        only(h, "SELECT username, role_name FROM auth_user_roles", column, names)
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> byUser.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return byUser;
    }

    /** Roles with their permissions: these {@code names}, or every one when null. */
    private static Map<String, Set<String>> readRoles(Handle h, List<String> names) {
        Map<String, Set<String>> found = new HashMap<>();
        only(h, "SELECT name FROM auth_roles", "name", names).mapTo(String.class)
                .forEach(r -> found.put(r, new HashSet<>()));
        only(h, "SELECT role_name, permission FROM auth_role_permissions", "role_name", names)
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        found.replaceAll((k, v) -> Set.copyOf(v));
        return found;
    }

    /**
     * {@code select} (one of the constant queries here, with or without a {@code WHERE}), for the
     * rows whose {@code column} is one of {@code names}, or every row when null.
     */
    private static Query only(Handle h, String select, String column, List<String> names) {
        if (names == null) {
            return h.createQuery(select);
        }
        String and = select.contains(" WHERE ") ? " AND " : " WHERE ";
        return h.createQuery(select + and + column + " IN (<names>)").bindList("names", names);
    }

    /** Keys not revoked, in {@link #keyRow}'s columns. */
    private static final String LIVE_KEYS = "SELECT key_id, username, secret_hash, expires_at, last_used_at"
            + " FROM auth_api_keys WHERE revoked_at IS NULL";

    /** Keys not revoked, by id: those whose {@code column} is one of {@code values}, or every one when null. */
    private static Map<String, KeyEntry> liveKeys(Handle h, String column, List<String> values) {
        Map<String, KeyEntry> found = new HashMap<>();
        only(h, LIVE_KEYS, column, values).map(Directory::keyRow).forEach(k -> found.put(k.keyId, k));
        return found;
    }

    private static KeyEntry keyRow(ResultSet rs, StatementContext c) throws SQLException {
        long expires = rs.getLong(4);
        Long expiresAt = rs.wasNull() ? null : expires;
        return new KeyEntry(rs.getString(1), rs.getString(2), rs.getBytes(3), expiresAt, rs.getLong(5));
    }

    /** The database's row wins (another node may have changed the expiry); the later use time wins. */
    private void mergeKey(String id, KeyEntry fresh) {
        KeyEntry old = keys.put(id, fresh);
        if (old != null && old.lastUsed > fresh.lastUsed) {
            fresh.lastUsed = old.lastUsed;
        }
    }

    /** Sessions neither expired nor idle, in {@link #sessionRow}'s columns; binds {@code now} and {@code idle}. */
    private static final String LIVE_SESSIONS = "SELECT id_hash, username, csrf_token, created_at, expires_at,"
            + " last_seen_at FROM auth_sessions WHERE expires_at > :now AND last_seen_at > :idle";

    /**
     * Sessions live at {@code now}, by id hash: those whose {@code column} is one of
     * {@code values}, or every one when null.
     */
    private Map<String, SessionEntry> liveSessions(Handle h, long now, String column, List<String> values) {
        Map<String, SessionEntry> found = new HashMap<>();
        only(h, LIVE_SESSIONS, column, values).bind("now", now).bind("idle", now - sessionIdleMillis)
                .map(Directory::sessionRow).forEach(e -> found.put(e.idHash, e));
        return found;
    }

    private static SessionEntry sessionRow(ResultSet rs, StatementContext c) throws SQLException {
        return new SessionEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }

    /** Keeps a known session's entry (and the later of the two last-seen times), or adds the row's. */
    private void merge(String id, SessionEntry fresh) {
        SessionEntry old = sessions.putIfAbsent(id, fresh);
        if (old != null && fresh.lastSeen > old.lastSeen) {
            old.seenElsewhere(fresh.lastSeen);
        }
    }
}
