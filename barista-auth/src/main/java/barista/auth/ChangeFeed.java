package barista.auth;

import barista.data.Database;
import barista.data.Dialect;

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

    /** The feed for {@code db}'s kind of database. */
    static ChangeFeed of(Database db) {
        return db.dialect() == Dialect.POSTGRESQL ? PostgresChangeFeed.of(db) : SqliteChangeFeed.of(db);
    }

    /**
     * Tells the other nodes that something this node committed changed. If it fails, they see
     * the change at their next refresh, so the failure is logged, not thrown.
     */
    void changed();

    /** Starts hearing other nodes' changes, calling {@code reload} on the feed's thread for them. */
    void listen(Runnable reload);

    /** Stops listening. Idempotent. */
    @Override
    void close();
}
