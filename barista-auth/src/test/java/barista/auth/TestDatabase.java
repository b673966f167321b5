package barista.auth;

import barista.Barista;
import barista.Config;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Where a test's app keeps its tables: a SQLite file in the test's temp dir, or a fresh schema in
 * the local PostgreSQL ({@code 127.0.0.1:5432/test}, user postgres, trust auth), dropped by {@link #close}.
 */
enum TestDatabase {
    SQLITE, POSTGRESQL;

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    /** A scratch database and an app on a free port using it; close the returned handle after the test. */
    Scratch scratch(Path dir) {
        if (this == SQLITE) {
            return new Scratch("jdbc:sqlite:" + dir.resolve("auth.db"), null);
        }
        String schema = "auth_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        execute("CREATE SCHEMA " + schema);
        return new Scratch(PG + "?currentSchema=" + schema, schema);
    }

    record Scratch(String url, String schema) implements AutoCloseable {
        /** An app on this database with test-friendly settings: port 0, no request log, cookies not Secure unless asked. */
        Barista app(Consumer<Config.Builder> more) {
            return Barista.create(cfg -> {
                cfg.port(0).requestLog(false).property("barista.data.url", url);
                if (schema != null) {
                    cfg.property("barista.data.user", "postgres");
                }
                more.accept(cfg);
            });
        }

        Barista app() {
            return app(cfg -> { });
        }

        @Override
        public void close() {
            if (schema != null) {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG, "postgres", null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
