/**
 * Zero-set-up data for a Barista app, usable without HTTP. {@link barista.data.Database#of} gives
 * the app its one database: an embedded SQLite file, {@code data/barista.db} (WAL journal, foreign
 * keys on, {@code synchronous=NORMAL}, a 5 s busy timeout, the log checkpointed by a thread of its
 * own), or PostgreSQL when
 * {@code barista.data.url} is a {@code jdbc:postgresql:} URL ({@code ?currentSchema=} picks a
 * schema). It is pooled by HikariCP, migrated by Flyway on open, and used through JDBI's handles
 * and transactions: plain SQL with bound parameters, no generated classes or proxies.
 *
 * <p>Settings, as properties ({@code application.properties}, environment or {@code -D}):
 * {@code barista.data.url}, {@code barista.data.dir} (default {@code data}, for the default
 * SQLite file), {@code barista.data.user}, {@code barista.data.password},
 * {@code barista.data.pool-size} (10 on PostgreSQL, 4 on SQLite), {@code barista.data.migrations}
 * (comma-separated Flyway locations, default {@code classpath:db/migration}) and
 * {@code barista.data.sqlite.synchronous}. See {@link barista.data.DataSettings}.
 *
 * <p>Migrations: the app's own go in {@code src/main/resources/db/migration} as
 * {@code V1__create_note.sql} and are recorded in {@code flyway_schema_history}; a module (auth,
 * the prediction log) migrates its own tables with {@link barista.data.Database#migrate} and its
 * own history table {@code barista_<module>_history}. One SQL file serves both databases through
 * two placeholders: {@code ${id}} for an auto-numbered primary key and {@code ${bytes}} for a
 * binary column. Times are stored as {@code BIGINT} epoch milliseconds, which both databases
 * compare and sort alike:
 *
 * <pre>{@code
 * CREATE TABLE note (
 *     id ${id},
 *     text VARCHAR(1000) NOT NULL,
 *     attachment ${bytes},
 *     created_at BIGINT NOT NULL
 * );
 * }</pre>
 *
 * <p>For a table that is appended to all the time (the prediction log, readings, events),
 * {@link barista.data.BulkInsert} writes many rows as one transaction: {@code COPY} on
 * PostgreSQL, a batched prepared {@code INSERT} on SQLite.
 *
 * <p>sqlite-jdbc loads a native library: run the JVM with {@code --enable-native-access=ALL-UNNAMED}
 * to keep JDK 24+ from warning about it.
 *
 * <p>When the database is gone, a handler's query answers 503 {@code database unavailable}
 * instead of a 500, {@code /readyz} reports {@code database: down}, and the pool reconnects by
 * itself when the database returns.
 */
package barista.data;
