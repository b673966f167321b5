package barista.data;

import barista.Config;
import barista.SetupException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the database is and how to open it, as {@link Database#open} takes it. Most apps never
 * build one: {@link Database#of} reads {@link #fromConfig} from the app's properties.
 *
 * @param url               JDBC URL, {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}
 *                          ({@code barista.data.url}; default {@code jdbc:sqlite:data/barista.db})
 * @param user              user name, or null ({@code barista.data.user}); ignored by SQLite
 * @param password          password, or null ({@code barista.data.password}); never printed
 * @param poolSize          most open connections ({@code barista.data.pool-size}; default 10 for
 *                          PostgreSQL, 4 for SQLite, which has one writer at a time anyway)
 * @param migrations        the app's own Flyway locations, run with Flyway's default history table
 *                          on open ({@code barista.data.migrations}, comma-separated; default
 *                          {@code classpath:db/migration}); a location that doesn't exist is skipped
 * @param sqliteSynchronous SQLite's {@code synchronous} pragma: OFF, NORMAL, FULL or EXTRA
 *                          ({@code barista.data.sqlite.synchronous}; default NORMAL, as Rails 8 and
 *                          most WAL deployments use: a committed transaction survives the process
 *                          being killed, and a power cut can lose the last ones; FULL flushes every
 *                          commit to disk, which halved the prediction log's throughput here)
 */
public record DataSettings(String url, String user, String password, int poolSize, List<String> migrations,
                           String sqliteSynchronous) {

    /** Where the app's own migrations are looked for unless {@code barista.data.migrations} says otherwise. */
    public static final String DEFAULT_MIGRATIONS = "classpath:db/migration";

    private static final Set<String> SYNCHRONOUS = Set.of("OFF", "NORMAL", "FULL", "EXTRA");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

    public DataSettings {
        if (url == null || url.isBlank()) {
            throw new SetupException("barista.data.url must not be empty");
        }
        Dialect.ofUrl(url);
        if (poolSize < 1) {
            throw new SetupException("barista.data.pool-size must be at least 1, got " + poolSize);
        }
        migrations = List.copyOf(migrations);
        sqliteSynchronous = sqliteSynchronous.trim().toUpperCase(Locale.ROOT);
        if (!SYNCHRONOUS.contains(sqliteSynchronous)) {
            throw new SetupException("barista.data.sqlite.synchronous must be one of OFF, NORMAL, FULL, EXTRA, got "
                    + sqliteSynchronous);
        }
    }

    /**
     * The settings in an app's properties ({@code application.properties}, environment, {@code -D}).
     * Only reads: the data directory is created when the database is opened.
     */
    public static DataSettings fromConfig(Config config) {
        String dir = config.property("barista.data.dir", "data");
        String url = config.property("barista.data.url", "jdbc:sqlite:" + dir + "/barista.db").trim();
        Dialect dialect = Dialect.ofUrl(url);
        // Flyway holds two connections while it migrates PostgreSQL: with one, start-up timed out
        int poolSize = config.integer("barista.data.pool-size", dialect == Dialect.SQLITE ? 4 : 10,
                dialect == Dialect.SQLITE ? 1 : 2);
        List<String> migrations = Arrays.stream(config.property("barista.data.migrations", DEFAULT_MIGRATIONS)
                        .split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        return new DataSettings(url, config.property("barista.data.user", null),
                config.property("barista.data.password", null), poolSize, migrations,
                config.property("barista.data.sqlite.synchronous", "NORMAL"));
    }

    /** A SQLite file with the defaults: 4 connections, {@link #DEFAULT_MIGRATIONS}, synchronous NORMAL. */
    public static DataSettings sqlite(Path file) {
        return new DataSettings("jdbc:sqlite:" + file, null, null, 4, List.of(DEFAULT_MIGRATIONS), "NORMAL");
    }

    /** The same settings with other migration locations for the app's own schema. */
    public DataSettings withMigrations(String... locations) {
        return new DataSettings(url, user, password, poolSize, List.of(locations), sqliteSynchronous);
    }

    public Dialect dialect() {
        return Dialect.ofUrl(url);
    }

    /** The URL with any {@code password=} parameter masked, for messages and logs. */
    public String safeUrl() {
        return redact(url);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DataSettings[url=" + safeUrl() + ", user=" + user + ", password=" + (password == null ? null : "***")
                + ", poolSize=" + poolSize + ", migrations=" + migrations + ", sqliteSynchronous="
                + sqliteSynchronous + "]";
    }

    static String redact(String url) {
        return PASSWORD_PARAM.matcher(url).replaceAll("$1***");
    }
}
