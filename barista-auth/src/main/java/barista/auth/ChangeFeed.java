package barista.auth;

import barista.data.Database;
import barista.data.Dialect;
import org.jdbi.v3.core.Handle;

/**
 * When a node reads the {@link ChangeLog} for what the other nodes (and the CLI) changed in
 * users, roles, keys and sessions, so a change made on one counts on the others within a fraction
 * of a second instead of at their next {@code barista.auth.refresh}: when PostgreSQL's
 * {@code NOTIFY} says there is something ({@link PostgresChangeFeed}), or every 200 ms on SQLite
 * ({@link SqliteChangeFeed}), where reading the log's newest rows is a primary-key range read.
 * The periodic refresh reads the log too, for what a feed missed.
 *
 * <p>Threading: {@link #announce} on the thread of the change's transaction; {@link #listen}
 * starts one daemon thread.
 */
interface ChangeFeed extends AutoCloseable {

    /** What a node does when the feed says others changed something. */
    interface Listener {
        /** Reads the change log's new rows and what they name. */
        void catchUp();

        /**
         * The feed hears notices from now on (after connecting, or reconnecting); reads every
         * table, since nodes of earlier versions may have changed something meanwhile that no log
         * row names.
         */
        void listening();

        /**
         * Reads every table: for a notice from a node of an earlier version, which changed
         * something without writing the log.
         */
        void everything();
    }

    /** The feed for {@code db}'s kind of database; {@code node} is this process's id in notices and the log. */
    static ChangeFeed of(Database db, String node) {
        return db.dialect() == Dialect.POSTGRESQL ? PostgresChangeFeed.of(db, node) : new SqliteChangeFeed(db);
    }

    /**
     * Tells the other nodes, from inside the change's transaction {@code h}, that there are new
     * rows in the log: the notice leaves when the transaction commits, and never for one that
     * rolls back.
     */
    void announce(Handle h);

    /** Starts hearing other nodes' changes, calling {@code listener} on the feed's thread for them. */
    void listen(Listener listener);

    /** Stops listening. Idempotent. */
    @Override
    void close();
}
