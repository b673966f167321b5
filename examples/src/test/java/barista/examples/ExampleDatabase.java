package barista.examples;

import barista.Barista;
import barista.test.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A throw-away database for one example test: a SQLite file in the test's temp dir, or a fresh
 * schema in the local PostgreSQL. On close it stops the apps it made, whose background threads
 * (auth's refresh) would otherwise go on using it, then drops the schema.
 */
final class ExampleDatabase implements AutoCloseable {
    private final TestPostgres pg;
    private final String url;
    private final List<Barista> apps = new ArrayList<>();

    private ExampleDatabase(TestPostgres pg, String url) {
        this.pg = pg;
        this.url = url;
    }

    /** {@code store} is "sqlite" or "postgresql", as the tests' parameters name them. */
    static ExampleDatabase of(String store, Path dir) {
        if (store.equals("postgresql")) {
            TestPostgres pg = TestPostgres.schema();
            return new ExampleDatabase(pg, pg.url());
        }
        return new ExampleDatabase(null, "jdbc:sqlite:" + dir.resolve("example.db"));
    }

    /** An app on this database with no models and no request log, and the example installed. */
    Barista app(Consumer<Barista> example) {
        Barista app = Barista.create(cfg -> cfg.port(0).requestLog(false).property("barista.data.url", url)
                .property("barista.data.user", TestPostgres.USER).property("barista.models.enabled", "false"));
        apps.add(app);
        example.accept(app);
        return app;
    }

    @Override
    public void close() {
        apps.forEach(Barista::stop);
        if (pg != null) {
            pg.close();
        }
    }
}
