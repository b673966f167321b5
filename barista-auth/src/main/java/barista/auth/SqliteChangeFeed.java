package barista.auth;

import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * The change feed for processes that share one SQLite file, such as a server and the CLI that
 * adds a user or revokes a key: a serving node reads the {@link ChangeLog}'s newest rows every
 * {@value #POLL_MILLIS} ms (a primary-key range read that finds nothing most of the time), so
 * there is nothing to announce.
 *
 * <p>Threading: one daemon thread polls.
 */
final class SqliteChangeFeed implements ChangeFeed {
    private static final System.Logger LOG = System.getLogger("barista.auth");
    static final long POLL_MILLIS = 200;

    private volatile boolean closed;
    private Thread poller;

    @Override
    public void announce(Handle h) {
        // the poller finds the change's rows in the log
    }

    @Override
    public void listen(Listener listener) {
        poller = Thread.ofPlatform().daemon().name("barista-auth-listen").start(() -> {
            boolean failing = false;
            while (!closed) {
                try {
                    listener.catchUp();
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
                try {
                    TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    closed = true;
                }
            }
        });
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
