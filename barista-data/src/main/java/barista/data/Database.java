package barista.data;

import barista.Barista;
import barista.SetupException;
import barista.http.HttpError;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;

/**
 * The app's database: a pool of connections, the schema brought up to date, and JDBI on top. It
 * exists so an app has somewhere to keep data with no set-up (a SQLite file under {@code data/})
 * and moves to PostgreSQL by setting {@code barista.data.url}, with the same migrations.
 *
 * <pre>{@code
 * Database db = Database.of(app);
 * long id = db.inTransaction(h -> h.createUpdate("INSERT INTO note (text) VALUES (:text)")
 *         .bind("text", text).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
 * List<String> texts = db.withHandle(h -> h.createQuery("SELECT text FROM note").mapTo(String.class).list());
 * }</pre>
 *
 * <p>Faults: when the database can't be reached (refused or dropped connections, the pool timing
 * out after about 2 s, SQLState class 08, PostgreSQL 57P01 to 57P03), {@link #withHandle},
 * {@link #useHandle}, {@link #inTransaction} and {@link #useTransaction} throw
 * {@link HttpError.ServiceUnavailable} with the detail "database unavailable", so a handler that
 * touches the database answers 503 without naming the server; any other error (a constraint, a
 * typo in SQL) propagates unchanged and is a 500. The pool reconnects by itself when the database
 * comes back. Calls made through {@link #jdbi()} or {@link #dataSource()} are not translated: use
 * {@link #isConnectionFailure} to classify their errors the same way.
 *
 * <p>Threading: thread-safe; every method may block on the network or on SQLite's write lock, so
 * call it from a handler (a virtual thread) or a worker, never from an event loop. A handle is
 * used by the thread that received it, inside the callback only.
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("barista.data");
    /**
     * The pool's and Flyway's INFO lines (six per module per start) say what Barista's one line
     * per database says; they are turned down to warnings unless logging is configured for them.
     * Held here because java.util.logging keeps loggers only weakly.
     */
    private static final List<java.util.logging.Logger> QUIET = quiet("com.zaxxer.hikari", "org.flywaydb");
    private static final long REACHABLE_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Pattern MODULE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final String UNAVAILABLE = "database unavailable";
    /**
     * What every PostgreSQL connection is opened with, pooled or not: a refused or unreachable
     * server fails in 2 s, a JDBC batch of inserts goes as one multi-row INSERT instead of one
     * per row, and {@code pg_stat_activity} names the app.
     */
    private static final Map<String, String> POSTGRESQL_PROPERTIES = Map.of(
            "connectTimeout", "2", "reWriteBatchedInserts", "true", "ApplicationName", "barista");

    private final DataSettings settings;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ReentrantLock ping = new ReentrantLock();
    private final Object migrating = new Object();
    private volatile boolean reachable = true;
    private volatile long checkedAt = System.nanoTime();
    private volatile boolean closed;
    /** On a SQLite file, what copies its write-ahead log back; null otherwise. */
    private final WalCheckpoints checkpoints;

    private Database(DataSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dialect = settings.dialect();
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.checkpoints = dialect == Dialect.SQLITE
                ? sqliteFile(settings.url()).map(file -> WalCheckpoints.start(this, file)).orElse(null) : null;
    }

    /**
     * The app's one database, opened from its {@link DataSettings#fromConfig properties} and
     * migrated on the first call; later calls return the same instance. Registers a
     * {@code database} readiness check and closes the pool when the app stops.
     *
     * @throws SetupException if the database can't be reached or a migration fails
     */
    public static Database of(Barista app) {
        return app.service(Database.class, Database::openFor);
    }

    private static Database openFor(Barista app) {
        Database db = open(DataSettings.fromConfig(app.config()));
        app.readiness("database", db::isReachable);
        app.onStop(db::close);
        return db;
    }

    /**
     * Opens a database without an app (a CLI, a batch job, a test): creates a SQLite file's
     * directory, starts the pool, then runs the app's own migrations ({@link DataSettings#migrations()})
     * with Flyway's default history table {@code flyway_schema_history}. Opening an up-to-date
     * database runs nothing. The caller closes it.
     *
     * @throws SetupException naming the URL (never the password) if the database can't be reached
     *                        or a migration fails
     */
    public static Database open(DataSettings settings) {
        long t0 = System.nanoTime();
        Database db = new Database(settings, pool(settings));
        try {
            int applied = db.runMigrations(null, settings.migrations(), "the app's migrations");
            LOG.log(System.Logger.Level.INFO, "Database {0} ({1}) ready in {2} ms; {3} migrations applied",
                    settings.safeUrl(), db.dialect, (System.nanoTime() - t0) / 1_000_000, applied);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Loads and initialises the SQLite driver (its native library), the pool, Flyway and JDBI,
     * opening nothing: what {@code Extension.warmUp} of the modules that open the database calls,
     * so this class loading overlaps with the rest of start-up. Idempotent, never throws.
     */
    public static void warmUp() {
        try {
            Class.forName("org.sqlite.JDBC");
            org.sqlite.SQLiteJDBCLoader.initialize();
            new HikariConfig().setPoolName("warm-up");
            Flyway.configure().locations("classpath:db/migration").placeholderReplacement(true);
            Jdbi.create(() -> {
                throw new java.sql.SQLException("warm-up only");
            });
        } catch (Exception | LinkageError e) {
            // only an optimisation: opening the database reports any real problem
        }
    }

    private static List<java.util.logging.Logger> quiet(String... names) {
        List<java.util.logging.Logger> loggers = new java.util.ArrayList<>();
        for (String name : names) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(java.util.logging.Level.WARNING);
            }
            loggers.add(logger);
        }
        return List.copyOf(loggers);
    }

    private static HikariDataSource pool(DataSettings settings) {
        Dialect dialect = settings.dialect();
        HikariConfig config = new HikariConfig();
        config.setPoolName("barista-data");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        // A lost database fails a request in about 2 s instead of Hikari's 30 s default.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        if (dialect == Dialect.SQLITE) {
            sqliteFile(settings.url()).ifPresent(Database::createParent);
            // Read by sqlite-jdbc's SQLiteConfig for every connection it opens; URL parameters win.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "5000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("synchronous", settings.sqliteSynchronous());
            // A transaction takes the write lock at BEGIN, so two writers queue on busy_timeout
            // instead of one failing at once with SQLITE_BUSY when it upgrades from reading.
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // WalCheckpoints copies the log back on a thread of its own; commits only if it falls behind
            config.addDataSourceProperty("wal_autocheckpoint", Integer.toString(WalCheckpoints.BACKSTOP_PAGES));
        } else {
            POSTGRESQL_PROPERTIES.forEach(config::addDataSourceProperty);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new SetupException("cannot open database " + settings.safeUrl() + ": " + rootMessage(e), e);
        }
    }

    static Optional<Path> sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith(":resource:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(rest));
    }

    private static void createParent(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new SetupException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Brings a module's own tables up to date from its Flyway {@code locations}, recording them in
     * its own history table {@code barista_<module>_history}, so a module's version numbers never
     * collide with the app's ({@code flyway_schema_history}) or another module's. Call it once at
     * set-up; it blocks while migrating, and concurrent calls run one after another (on PostgreSQL,
     * Flyway's advisory lock also serialises several app instances).
     *
     * <p>The same SQL runs on SQLite and PostgreSQL with two placeholders: {@code ${id}} is an
     * auto-numbered primary key column type ({@code INTEGER PRIMARY KEY AUTOINCREMENT} /
     * {@code BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY}) and {@code ${bytes}} a binary
     * type ({@code BLOB} / {@code BYTEA}); the app's own migrations get them too. By convention,
     * times are {@code BIGINT} milliseconds since the epoch, which both compare and sort alike.
     * A schema that already holds tables is baselined at version 0, so every {@code V1+} runs.
     *
     * @param module    lower-case name, {@code [a-z][a-z0-9_]*}, e.g. {@code auth}
     * @param locations Flyway locations such as {@code classpath:barista/auth/migration}
     * @return how many migrations ran: 0 when the schema was up to date
     * @throws SetupException if a migration fails
     */
    public int migrate(String module, String... locations) {
        if (module == null || !MODULE_NAME.matcher(module).matches()) {
            throw new IllegalArgumentException("module name must match [a-z][a-z0-9_]*, got " + module);
        }
        return runMigrations("barista_" + module + "_history", List.of(locations), "module " + module + "'s migrations");
    }

    private int runMigrations(String table, List<String> configured, String what) {
        // Skipping absent locations here keeps Flyway's "No migrations found" warning out of the
        // log of every app that has no migrations of its own yet.
        List<String> locations = configured.stream().filter(Database::locationExists).toList();
        if (locations.isEmpty()) {
            return 0;
        }
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(false)
                .placeholders(Map.of("id", dialect.idColumn(), "bytes", dialect.bytesColumn()))
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (table != null) {
            flyway.table(table);
        }
        synchronized (migrating) {
            try {
                return flyway.load().migrate().migrationsExecuted;
            } catch (FlywayException e) {
                throw new SetupException(what + " failed on " + settings.safeUrl() + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean locationExists(String location) {
        if (location.startsWith("filesystem:")) {
            return Files.isDirectory(Path.of(location.substring("filesystem:".length())));
        }
        if (location.startsWith("classpath:") || !location.contains(":")) {
            String path = location.substring(location.indexOf(':') + 1).replaceFirst("^/+", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return (loader != null ? loader : Database.class.getClassLoader()).getResource(path) != null;
        }
        return true; // another scheme (s3:, gcs:): let Flyway decide
    }

    /** JDBI for this database, for what the methods here don't cover; its errors are not translated to 503. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Whether the calling thread is inside a transaction of this database ({@link #inTransaction},
     * or {@code jdbi().inTransaction}), which what it calls here now would join instead of
     * committing on its own. For code whose own transaction must not be part of its caller's. A
     * handle the caller opened itself ({@code jdbi().open()}) is not seen.
     */
    public boolean isInTransaction() {
        var current = jdbi.getHandleScope().get();
        return current != null && current.getHandle().isInTransaction();
    }

    /** The connection pool, for code that needs plain JDBC; see {@link #isConnectionFailure}. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * A new connection outside the pool, with the pool's URL and credentials, for a component
     * that holds one for its whole life (a PostgreSQL {@code LISTEN}): taken from the pool, it
     * would shrink the pool for everyone, down to nothing when the pool has one connection. On
     * PostgreSQL it times out a silent network after {@code socketTimeoutSeconds} of waiting for
     * an answer (0: never). The caller closes it.
     */
    public Connection openDedicated(int socketTimeoutSeconds) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        if (dialect == Dialect.POSTGRESQL) {
            props.putAll(POSTGRESQL_PROPERTIES);
            props.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
            props.setProperty("tcpKeepAlive", "true");
        } else { // flushes as the pool's connections do, which matters to what a checkpoint flushes
            props.setProperty("synchronous", settings.sqliteSynchronous());
            props.setProperty("busy_timeout", "5000");
        }
        return java.sql.DriverManager.getConnection(settings.url(), props);
    }

    /**
     * Takes a pooled connection out of the pool for good. For code that used the driver's own
     * connection ({@code unwrap}), whose errors the pool never saw: without this, a connection the
     * network broke would be handed out again and fail every time.
     */
    void evict(Connection connection) {
        dataSource.evictConnection(connection);
    }

    /** Runs {@code callback} with a handle in auto-commit mode and returns its result. */
    public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
        try {
            return jdbi.withHandle(callback);
        } catch (Exception e) {
            if (isConnectionFailure(e)) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    /** Runs {@code callback} with a handle in auto-commit mode. */
    public <X extends Exception> void useHandle(HandleConsumer<X> callback) throws X {
        withHandle(h -> {
            callback.useHandle(h);
            return null;
        });
    }

    /**
     * Runs {@code callback} in one transaction: committed when it returns, rolled back when it
     * throws (the exception then propagates). On SQLite the transaction holds the write lock from
     * its start; keep it short.
     */
    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
        try {
            return jdbi.inTransaction(callback);
        } catch (Exception e) {
            if (isConnectionFailure(e)) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    /** Like {@link #inTransaction} for a callback with no result. */
    public <X extends Exception> void useTransaction(HandleConsumer<X> callback) throws X {
        inTransaction(h -> {
            callback.useHandle(h);
            return null;
        });
    }

    /** The 503 a handler answers with; the cause stays attached for the log, never for the client. */
    static HttpError.ServiceUnavailable unavailable(Exception cause) {
        HttpError.ServiceUnavailable unavailable = new HttpError.ServiceUnavailable(UNAVAILABLE);
        unavailable.initCause(cause);
        return unavailable;
    }

    /**
     * Whether {@code failure} means the database could not be reached, rather than that a
     * statement was wrong: a refused, reset or timed-out connection, the pool giving up
     * ({@link SQLTransientConnectionException}), SQLState class 08, or PostgreSQL shutting down or
     * starting up (57P01, 57P02, 57P03). Looks through the cause chain, so JDBI's and Hikari's
     * wrappers are seen through. For code that writes through {@link #dataSource()} and wants to
     * answer 503, or retry, as this class does. Never throws; null is false.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether the database answers, for a readiness check. Cheap to call often: the answer is
     * cached for about a second, and at most one caller at a time pings (a pooled connection's
     * {@code isValid(1)}), while the others get the last answer. The pinging caller blocks up to
     * about 2 s when the database is gone. False once closed.
     */
    public boolean isReachable() {
        if (closed) {
            return false;
        }
        if (System.nanoTime() - checkedAt < REACHABLE_TTL_NANOS || !ping.tryLock()) {
            return reachable;
        }
        try {
            if (System.nanoTime() - checkedAt >= REACHABLE_TTL_NANOS) {
                reachable = ping();
                checkedAt = System.nanoTime();
            }
            return reachable;
        } finally {
            ping.unlock();
        }
    }

    private boolean ping() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool, waiting for borrowed connections to come back. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (checkpoints != null) {
            checkpoints.close();
        }
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[" + settings.safeUrl() + ", " + dialect + "]";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
