package barista.auth;

import barista.data.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells the other nodes on the same PostgreSQL database that users, roles, API keys or sessions
 * changed, and hears them, with {@code LISTEN}/{@code NOTIFY}: a session started, a key revoked
 * or a user disabled on one node counts on every node milliseconds later (at most a few hundred
 * under a stream of changes), instead of at their next {@code barista.auth.refresh}. Without it,
 * a browser that signs in on node A got 401s from node B until B's refresh, and a revoked key
 * kept working there as long. A sign-in or sign-out names its sessions in the notice, and the
 * others read just those rows; any other change makes them read every table.
 *
 * <p>The periodic refresh stays as the fallback: a notice sent by a node that dies between its
 * commit and its {@code NOTIFY}, or missed while the listening connection was down, arrives then.
 * After it reconnects, a listener reloads once, since it can't know what it missed. The CLI
 * notifies like a node.
 *
 * <p>Threading: {@link #changed} from any thread that may block (it sends one statement on a
 * pooled connection); {@link #listen} starts one daemon thread that holds one connection of its
 * own, outside the pool, so listening never takes a connection from requests.
 */
final class PostgresChangeFeed implements ChangeFeed {
    private static final System.Logger LOG = System.getLogger("barista.auth");
    /** How long a wait for notices lasts before the listener checks whether it was closed. */
    private static final int POLL_MILLIS = 500;
    /** The shortest time between two reloads for notices. */
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** How long without a notice before the listener checks that its connection still answers. */
    private static final long PING_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** A query (the ping, LISTEN) that gets no answer for this long fails, and the listener reconnects. */
    private static final int SOCKET_TIMEOUT_SECONDS = 10;
    /**
     * More sessions than this in one gathering (notices that piled up while a read waited) are
     * read as everything: one query, not a list past the driver's limit on parameters.
     */
    private static final int MAX_SESSIONS = 500;
    /** Between a notice's node and the sessions it names. */
    private static final String SESSIONS = "|sessions|";

    private final Database db;
    /**
     * {@code barista_auth.<schema>}: notices go to every session of the database, and apps in
     * other schemas of it must not reload for them.
     */
    private final String channel;
    /** This node's own notices carry this payload, so it doesn't reload for its own changes. */
    private final String node = Secrets.token(12);
    private volatile boolean closed;
    private volatile Connection listening;
    private Thread listener;

    private PostgresChangeFeed(Database db, String channel) {
        this.db = db;
        this.channel = channel;
    }

    /** The feed of the app whose tables are in {@code db}, in its current schema. */
    static PostgresChangeFeed of(Database db) {
        String schema = db.withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
        String channel = "barista_auth." + schema;
        // PostgreSQL refuses channel names longer than 63 bytes
        return new PostgresChangeFeed(db, channel.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63 ? channel
                : "barista_auth." + Secrets.sha256Hex(schema).substring(0, 32));
    }

    @Override
    public void changed() {
        notify(node);
    }

    /** The notice names the sessions: {@code <node>|sessions|<hash>,<hash>}; 64 hex characters each. */
    @Override
    public void sessionsChanged(Set<String> idHashes) {
        notify(node + SESSIONS + String.join(",", idHashes));
    }

    private void notify(String payload) {
        if (closed) {
            return;
        }
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "could not tell other nodes of an auth change; they see it within "
                    + "barista.auth.refresh: {0}", e.toString());
        }
    }

    /** Reads everything once listening (for what changed before), then what each burst of notices names. */
    @Override
    public void listen(Listener changes) {
        listener = Thread.ofPlatform().daemon().name("barista-auth-listen").start(() -> run(changes));
    }

    private void run(Listener changes) {
        while (!closed) {
            try (Connection c = db.openDedicated(SOCKET_TIMEOUT_SECONDS)) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\""); // as pg_notify spells it
                }
                // what changed before LISTEN took hold: since start-up's load, or while reconnecting
                changes.everything();
                hear(c.unwrap(PGConnection.class), c, changes);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "auth change listener lost its connection; retrying in 1 s "
                        + "(changes from other nodes arrive within barista.auth.refresh meanwhile): {0}", e.toString());
                sleep(TimeUnit.SECONDS.toNanos(1));
            } finally {
                listening = null;
            }
        }
    }

    /**
     * Acts on other nodes' notices, at most once per {@link #MIN_GAP_NANOS}: what arrives in
     * between is gathered, so under a stream of sign-ins one read covers every notice that came
     * before it. Notices that name only sessions read just those rows; any other reads
     * everything. Asks the server something when no notice came for a while, so a connection the
     * network dropped silently fails here and is replaced instead of listening to nothing.
     */
    private void hear(PGConnection pg, Connection c, Listener changes) throws SQLException {
        long lastRead = 0;
        long lastHeard = System.nanoTime();
        while (!closed) {
            Heard heard = new Heard();
            heard.add(pg.getNotifications(POLL_MILLIS));
            long now = System.nanoTime();
            if (heard.any()) {
                long early = lastRead + MIN_GAP_NANOS - now;
                if (early > 0) {
                    sleep(early);
                    heard.add(pg.getNotifications());
                }
                if (heard.everything || heard.sessions.size() > MAX_SESSIONS) {
                    changes.everything();
                } else {
                    changes.sessions(heard.sessions);
                }
                lastRead = System.nanoTime();
                lastHeard = lastRead;
            } else if (now - lastHeard > PING_NANOS) {
                try (Statement ping = c.createStatement()) {
                    ping.execute("SELECT 1");
                }
                lastHeard = now;
            }
        }
    }

    /** Other nodes' notices gathered for one read; this node's own are left out. */
    private final class Heard {
        boolean everything;
        final Set<String> sessions = new HashSet<>();

        void add(PGNotification[] notices) {
            if (notices == null) {
                return;
            }
            for (PGNotification n : notices) {
                String payload = n.getParameter();
                if (payload.equals(node) || payload.startsWith(node + "|")) {
                    continue;
                }
                int at = payload.indexOf(SESSIONS);
                if (at < 0) {
                    everything = true; // a plain notice, or one from a node that doesn't name sessions
                } else {
                    sessions.addAll(Arrays.asList(payload.substring(at + SESSIONS.length()).split(",")));
                }
            }
        }

        boolean any() {
            return everything || !sessions.isEmpty();
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening: drops the listener's connection, so its wait ends now instead of at its next poll. */
    @Override
    public void close() {
        closed = true;
        Connection c = listening;
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "auth change listener: abort failed: {0}", e.toString());
            }
        }
        Thread t = listener;
        if (t != null) {
            try {
                t.join(2 * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
