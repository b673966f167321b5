package barista.auth;

import barista.data.Database;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The change feed for processes that share one SQLite file, such as a server and the CLI that
 * adds a user or revokes a key: each change adds one to {@code auth_changes.version}, and a
 * serving node reads that number every {@value #POLL_MILLIS} ms (a primary-key read of one row,
 * microseconds) and reloads when another process moved it. A counter rather than SQLite's
 * {@code PRAGMA data_version}, which moves with every write to the file, the prediction log's
 * included.
 *
 * <p>Threading: {@link #changed} on any thread that may block; one daemon thread polls.
 */
final class SqliteChangeFeed implements ChangeFeed {
    private static final System.Logger LOG = System.getLogger("barista.auth");
    static final long POLL_MILLIS = 200;

    private final Database db;
    /**
     * The version this node's state covers: read before the first load, raised after each reload
     * to the version read before it, and moved on by this node's own changes. Only ever grows.
     */
    private final AtomicLong seen;
    private volatile boolean closed;
    private Thread poller;

    private SqliteChangeFeed(Database db, long version) {
        this.db = db;
        this.seen = new AtomicLong(version);
    }

    /** Call before the state is first loaded: what changed after this is what the poller looks for. */
    static SqliteChangeFeed of(Database db) {
        return new SqliteChangeFeed(db, version(db));
    }

    /**
     * One at a time on this node (SQLite serialises writers anyway), so this node's changes move
     * the counter in the order they record it and never look like another process's.
     */
    @Override
    public synchronized void changed() {
        try {
            long version = db.withHandle(h -> h.createQuery(
                    "UPDATE auth_changes SET version = version + 1 WHERE id = 1 RETURNING version").mapTo(Long.class).one());
            // only when no other process changed anything since this node last looked: that one must still reload
            seen.compareAndSet(version - 1, version);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not count an auth change; other processes see it within "
                    + "barista.auth.refresh: {0}", e.toString());
        }
    }

    /** Reloads whenever another process moved the version. */
    @Override
    public void listen(Listener listener) {
        poller = Thread.ofPlatform().daemon().name("barista-auth-listen").start(() -> {
            boolean failing = false;
            while (!closed) {
                try {
                    long version = version(db); // read before the reload, so the reload covers it
                    if (version > seen.get()) {
                        listener.everything(); // a counter can't say what changed
                        seen.accumulateAndGet(version, Math::max);
                    }
                    if (failing) {
                        failing = false;
                        LOG.log(System.Logger.Level.INFO, "auth change poll works again");
                    }
                } catch (RuntimeException e) {
                    if (!failing && !closed) { // one line per outage, not five a second
                        failing = true;
                        LOG.log(System.Logger.Level.WARNING, "auth change poll failed; changes from other processes "
                                + "arrive within barista.auth.refresh meanwhile: {0}", e.toString());
                    }
                }
                sleep();
            }
        });
    }

    private static long version(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT version FROM auth_changes WHERE id = 1").mapTo(Long.class).one());
    }

    private void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = poller;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
