package barista.data;

import barista.Barista;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** Compile-only: calls every public member of this module, so an API break fails the build. */
final class PublicApiTour {
    private PublicApiTour() {
    }

    static void tour(Barista app) {
        Database db = Database.of(app);
        Database standalone = Database.open(DataSettings.sqlite(Path.of("x.db")));
        DataSettings settings = DataSettings.fromConfig(app.config()).withMigrations("classpath:db/migration");
        DataSettings explicit = new DataSettings("jdbc:postgresql://db/app", "app", "secret", 10,
                List.of(DataSettings.DEFAULT_MIGRATIONS), "FULL");
        String safe = explicit.safeUrl() + settings.dialect();
        Jdbi jdbi = db.jdbi();
        DataSource ds = db.dataSource();
        Dialect dialect = db.dialect();
        int n = db.withHandle(h -> 1);
        db.useHandle(h -> h.execute("SELECT 1"));
        int m = db.inTransaction(h -> 2);
        db.useTransaction(h -> h.execute("SELECT 1"));
        int ran = db.migrate("auth", "classpath:barista/auth/migration");
        boolean up = db.isReachable();
        boolean lost = Database.isConnectionFailure(new RuntimeException());
        standalone.close();
        System.out.println(safe + jdbi + ds + dialect + n + m + ran + up + lost + Dialect.SQLITE + Dialect.POSTGRESQL
                + settings.url() + settings.user() + settings.password() + settings.poolSize()
                + settings.migrations() + settings.sqliteSynchronous());
    }
}
