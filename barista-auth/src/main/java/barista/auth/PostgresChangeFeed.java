package barista.auth;

import barista.data.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells the other nodes on the same PostgreSQL database that there are new rows in the
 * {@link ChangeLog}, and hears them, with {@code LISTEN}/{@code NOTIFY}: a session started, a key
 * revoked or a user disabled on one node counts on every node milliseconds later (at most a few
 * hundred under a stream of changes), instead of at their next {@code barista.auth.refresh}.
 * The notice is sent from the change's own transaction, so it leaves when the change commits and
 * never for one that rolled back; it carries only the sender's id, and the others read the log.
 *
 * <p>The periodic refresh reads the log too, for a notice missed while the listening connection
 * was down; once it listens again, a node reads every table, for what nodes of earlier versions
 * (which write no log) changed meanwhile. The CLI notifies like a node.
 *
 * <p>Threading: {@link #announce} on the change's thread; {@link #listen} starts one daemon
 * thread that holds one connection of its own, outside the pool, so listening never takes a
 * connection from requests.
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
     * After the sender's id in a notice: "read the log". A notice without it comes from a node
     * of an earlier version, which wrote no log rows, so the others read everything for it.
     */
    private static final String LOG_ROWS = "|log";

    private final Database db;
    /**
     * {@code barista_auth.<schema>}: notices go to every session of the database, and apps in
     * other schemas of it must not reload for them.
     */
    private final String channel;
    /** This node's id: its own notices carry it, so it doesn't read for its own changes. */
    private final String node;
    private volatile boolean closed;
    private volatile Connection listening;
    private Thread listener;

    private PostgresChangeFeed(Database db, String channel, String node) {
        this.db = db;
        this.channel = channel;
        this.node = node;
    }

    /** The feed of the app whose tables are in {@code db}, in its current schema. */
    static PostgresChangeFeed of(Database db, String node) {
        String schema = db.withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
        String channel = "barista_auth." + schema;
        // PostgreSQL refuses channel names longer than 63 bytes
        return new PostgresChangeFeed(db, channel.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63 ? channel
                : "barista_auth." + Secrets.sha256Hex(schema).substring(0, 32), node);
    }

    @Override
    public void announce(Handle h) {
        h.createQuery("SELECT pg_notify(:channel, :payload)").bind("channel", channel).bind("payload", node + LOG_ROWS)
                .mapToMap().one();
    }

    /** Reads the log once listening (for what changed before), then after each burst of notices. */
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
                changes.listening();
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
     * between is gathered, so under a stream of sign-ins one read of the log covers every notice
     * that came before it. Asks the server something when no notice came for a while, so a
     * connection the network dropped silently fails here and is replaced instead of listening to
     * nothing.
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
                if (heard.everything) {
                    changes.everything();
                } else {
                    changes.catchUp();
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
        boolean log;
        boolean everything;

        void add(PGNotification[] notices) {
            if (notices == null) {
                return;
            }
            for (PGNotification n : notices) {
                String payload = n.getParameter();
                if (payload.equals(node) || payload.startsWith(node + "|")) {
                    continue;
                }
                if (payload.endsWith(LOG_ROWS)) {
                    log = true;
                } else {
                    everything = true; // from a node of an earlier version, which wrote no log rows
                }
            }
        }

        boolean any() {
            return everything || log;
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
