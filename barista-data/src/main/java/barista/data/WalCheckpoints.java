package barista.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Copies a SQLite file's write-ahead log into the database file on a thread of its own, every
 * {@value #EVERY_MILLIS} ms, so commits don't. By default SQLite makes the commit that takes the
 * log past 1,000 pages copy it back and flush both files while holding the write lock, and every
 * transaction queued behind it waits: with the prediction log on, that doubled the p99 latency
 * of predictions at 64 connections (7.0 ms against 3.4 in the log benchmark, where no copy ran),
 * and the copy came every fraction of a second. The copy here is SQLite's {@code PASSIVE}
 * checkpoint, which never waits for readers or writers and never makes them wait.
 *
 * <p>A commit that finds everything copied starts the log again from its beginning. Under writes
 * that never pause, commits land while a copy runs, so the log keeps growing until, past
 * {@value #BACKSTOP_PAGES} pages (about 40 MB), a commit runs SQLite's own checkpoint: by then
 * this thread has copied nearly all of it, so that commit copies the last fraction of a second,
 * flushes, and the log starts again. The same backstop covers this thread falling behind or
 * stopping.
 *
 * <p>Threading: one daemon thread with a connection of its own ({@link Database#openDedicated}),
 * opened at its first round; {@link #close} stops it and waits for it.
 */
final class WalCheckpoints implements AutoCloseable {
    /** How often the log is copied back: a fraction of a second of commits at a time. */
    static final long EVERY_MILLIS = 100;
    /** The size, in pages, past which a commit copies the log itself (SQLite's {@code wal_autocheckpoint}). */
    static final int BACKSTOP_PAGES = 10_000;
    private static final System.Logger LOG = System.getLogger("barista.data");
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** The longest wait between tries while checkpoints fail (the file gone, read-only). */
    private static final long MAX_BACKOFF_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final Database db;
    private final Path file;
    private final Thread thread;
    private volatile boolean closing;
    private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    private WalCheckpoints(Database db, Path file) {
        this.db = db;
        this.file = file;
        this.thread = Thread.ofPlatform().daemon().name("barista-sqlite-checkpoints").unstarted(this::run);
    }

    /** Starts checkpointing {@code db}, whose SQLite file is {@code file}. */
    static WalCheckpoints start(Database db, Path file) {
        WalCheckpoints checkpoints = new WalCheckpoints(db, file);
        checkpoints.thread.start();
        return checkpoints;
    }

    private void run() {
        Connection connection = null;
        long wait = EVERY_MILLIS;
        try {
            while (!closing) {
                Thread.sleep(wait);
                try {
                    if (connection == null) {
                        if (!Files.exists(file)) { // opening would make a new, empty database
                            throw new SQLException("no database file at " + file);
                        }
                        connection = db.openDedicated(0);
                    }
                    checkpoint(connection);
                    wait = EVERY_MILLIS;
                } catch (SQLException | RuntimeException e) {
                    closeQuietly(connection); // opened again next time
                    connection = null;
                    warn(e);
                    wait = Math.min(MAX_BACKOFF_MILLIS, wait * 2);
                }
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            closeQuietly(connection);
        }
    }

    /** One {@code PASSIVE} checkpoint: nothing to do costs a look at the log's header. */
    static void checkpoint(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
        }
    }

    private void warn(Exception e) {
        long now = System.nanoTime();
        if (now - lastWarning >= WARN_EVERY_NANOS) { // one line a minute while it fails, not ten a second
            lastWarning = now;
            LOG.log(System.Logger.Level.WARNING, "SQLite checkpoint failed; commits copy the log back past {0} pages"
                    + " until it works again: {1}", BACKSTOP_PAGES, e.getMessage());
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to do with it
            }
        }
    }

    /** Stops the thread and waits for it; the last connection to close copies what is left. */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
