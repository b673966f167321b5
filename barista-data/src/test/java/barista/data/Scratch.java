package barista.data;

import barista.test.TestPostgres;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away database for one test: a SQLite file in a temp dir, or a fresh schema in the
 * local PostgreSQL ({@code 127.0.0.1:5432/test}, trust auth) that is dropped on close.
 */
final class Scratch implements AutoCloseable {
    static final String PG_HOST = TestPostgres.HOST;
    static final int PG_PORT = TestPostgres.PORT;
    static final String PG_USER = TestPostgres.USER;

    private final DataSettings settings;
    private final TestPostgres schema;

    private Scratch(DataSettings settings, TestPostgres schema) {
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
        TestPostgres schema = TestPostgres.schema(port);
        return new Scratch(new DataSettings(schema.url(), PG_USER, null, 4, List.of(migrations), "FULL"), schema);
    }

    DataSettings settings() {
        return settings;
    }

    String schema() {
        return schema == null ? null : schema.name();
    }

    @Override
    public void close() {
        if (schema != null) {
            schema.close();
        }
    }
}
