package barista.auth;

import barista.data.Database;
import barista.data.Dialect;
import java.util.Set;

/**
 * How the nodes that share one database (serving nodes, the CLI) tell each other that users,
 * roles, API keys or sessions changed, so a change made on one counts on the others within a
 * fraction of a second instead of at their next {@code barista.auth.refresh}: PostgreSQL's
 * {@code NOTIFY} ({@link PostgresChangeFeed}), or a change counter in the file on SQLite
 * ({@link SqliteChangeFeed}). Both are best effort; the periodic refresh catches what one misses.
 *
 * <p>Threading: {@link #changed} from any thread that may block (one short statement);
 * {@link #listen} starts one daemon thread.
 */
interface ChangeFeed extends AutoCloseable {

    /** What a node does with the others' changes. */
    interface Listener {
        /** Anything may have changed: read it all again. */
        void everything();

        /**
         * Only these sessions (by the hex SHA-256 of their ids) started or ended: sign-ins and
         * sign-outs, the changes that come most often, and the sessions table is the one that grows.
         */
        void sessions(Set<String> idHashes);
    }

    /** The feed for {@code db}'s kind of database. */
    static ChangeFeed of(Database db) {
        return db.dialect() == Dialect.POSTGRESQL ? PostgresChangeFeed.of(db) : SqliteChangeFeed.of(db);
    }

    /**
     * Tells the other nodes that something this node committed changed. If it fails, they see
     * the change at their next refresh, so the failure is logged, not thrown.
     */
    void changed();

    /**
     * Tells the other nodes that only these sessions started or ended, so they read just those
     * rows; a feed that can't say which tells {@link #changed} instead.
     */
    default void sessionsChanged(Set<String> idHashes) {
        changed();
    }

    /** Starts hearing other nodes' changes, calling {@code listener} on the feed's thread for them. */
    void listen(Listener listener);

    /** Stops listening. Idempotent. */
    @Override
    void close();
}
