package barista.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh schema in the local PostgreSQL ({@code 127.0.0.1:5432}, database {@code test}, user
 * {@code postgres}, trust auth; CI starts the server), dropped on close, so tests against the
 * real database never see each other's tables.
 *
 * <pre>{@code
 * try (var pg = TestPostgres.schema()) {
 *     var app = Barista.create(cfg -> cfg.property("barista.data.url", pg.url()).property("barista.data.user", TestPostgres.USER));
 * }
 * }</pre>
 */
public final class TestPostgres implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "postgres";

    private final String schema;
    private final int port;

    private TestPostgres(String schema, int port) {
        this.schema = schema;
        this.port = port;
    }

    /** A new, empty schema reached directly. */
    public static TestPostgres schema() {
        return schema(PORT);
    }

    /** A new, empty schema reached through {@code port}: the server's, or a {@link TcpProxy}'s in front of it. */
    public static TestPostgres schema(int port) {
        String name = "t_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        execute("CREATE SCHEMA " + name);
        return new TestPostgres(name, port);
    }

    /** The JDBC URL of this schema ({@code ?currentSchema=}). */
    public String url() {
        return url(port);
    }

    /** The JDBC URL of this schema through another port. */
    public String url(int viaPort) {
        return "jdbc:postgresql://" + HOST + ":" + viaPort + "/test?currentSchema=" + schema;
    }

    public String name() {
        return schema;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/test", USER, null);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage()
                    + " (is PostgreSQL running on 127.0.0.1:5432? .ci/run starts it)", e);
        }
    }
}
