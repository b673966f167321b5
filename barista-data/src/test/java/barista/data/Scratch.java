package barista.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throw-away database for one test: a SQLite file in a temp dir, or a fresh schema in the
 * local PostgreSQL ({@code 127.0.0.1:5432/test}, trust auth) that is dropped on close.
 */
final class Scratch implements AutoCloseable {
    static final String PG_HOST = "127.0.0.1";
    static final int PG_PORT = 5432;
    static final String PG_USER = "postgres";

    private final DataSettings settings;
    private final String schema;

    private Scratch(DataSettings settings, String schema) {
        this.settings = settings;
        this.schema = schema;
    }

    static Scratch of(Dialect dialect, Path dir, String... migrations) {
        return switch (dialect) {
            case SQLITE -> new Scratch(DataSettings.sqlite(dir.resolve("test.db")).withMigrations(migrations), null);
            case POSTGRESQL -> postgres(PG_PORT, migrations);
        };
    }

    /** A fresh schema, reached through {@code port} (the server's, or a proxy's in front of it). */
    static Scratch postgres(int port, String... migrations) {
        String schema = "t_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        execute("CREATE SCHEMA " + schema);
        return new Scratch(new DataSettings(pgUrl(port, schema), PG_USER, null, 4, List.of(migrations), "FULL"),
                schema);
    }

    static String pgUrl(int port, String schema) {
        return "jdbc:postgresql://" + PG_HOST + ":" + port + "/test?currentSchema=" + schema;
    }

    DataSettings settings() {
        return settings;
    }

    String schema() {
        return schema;
    }

    @Override
    public void close() {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/test",
                PG_USER, null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
