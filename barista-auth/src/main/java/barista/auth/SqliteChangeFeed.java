package barista.auth;

import barista.data.Database;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * The change feed for processes that share one SQLite file, such as a server and the CLI that
 * adds a user or revokes a key: a serving node reads the {@link ChangeLog}'s newest rows every
 * {@value #POLL_MILLIS} ms (a primary-key range read that finds nothing most of the time), so
 * there is nothing to announce. It also watches the change counter that processes of earlier
 * versions (a CLI not yet upgraded) move instead of writing the log, and reads everything when
 * it moves.
 *
 * <p>Threading: one daemon thread polls.
 */
final class SqliteChangeFeed implements ChangeFeed {
    private static final System.Logger LOG = System.getLogger("barista.auth");
    static final long POLL_MILLIS = 200;

    private final Database db;
    /** The counter's value as last seen; read when the feed is made, before the node's first load. */
    private long counted;
    private volatile boolean closed;
    private Thread poller;

    SqliteChangeFeed(Database db) {
        this.db = db;
        this.counted = legacyCount();
    }

    @Override
    public void announce(Handle h) {
        // the poller finds the change's rows in the log
    }

    @Override
    public void listen(Listener listener) {
        poller = Thread.ofPlatform().daemon().name("barista-auth-listen").start(() -> {
            boolean failing = false;
            while (!closed) {
                // each on its own, so one failing doesn't stop the other
                RuntimeException failure = attempt(() -> {
                    long version = legacyCount();
                    if (version != counted) {
                        counted = version; // a failed read below leaves a full read owed
                        listener.everything();
                    }
                });
                RuntimeException logFailure = attempt(listener::catchUp);
                failure = failure != null ? failure : logFailure;
                if (failure == null && failing) {
                    failing = false;
                    LOG.log(System.Logger.Level.INFO, "auth change poll works again");
                } else if (failure != null && !failing && !closed) { // one line per outage, not five a second
                    failing = true;
                    LOG.log(System.Logger.Level.WARNING, "auth change poll failed; changes from other processes "
                            + "arrive within barista.auth.refresh meanwhile: {0}", failure.toString());
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    closed = true;
                }
            }
        });
    }

    private static RuntimeException attempt(Runnable step) {
        try {
            step.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** {@code auth_changes.version}: what processes of earlier versions count their changes in. */
    private long legacyCount() {
        return db.withHandle(h -> h.createQuery("SELECT version FROM auth_changes WHERE id = 1").mapTo(Long.class).one());
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
