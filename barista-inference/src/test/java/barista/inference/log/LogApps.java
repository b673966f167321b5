package barista.inference.log;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.test.TestPostgres;
import java.nio.file.Path;
import java.util.function.Consumer;

/** An app serving iris with its prediction log in a SQLite file or a fresh PostgreSQL schema. */
final class LogApps {
    enum Store { SQLITE, POSTGRESQL }

    private LogApps() {
    }

    static Barista app(Store store, Path dir, TestPostgres pg, Consumer<barista.Config.Builder> more) {
        if (!java.nio.file.Files.isDirectory(dir.resolve("models/iris"))) {
            DemoModels.writeIris(dir.resolve("models"), "1");
        }
        String url = store == Store.SQLITE ? "jdbc:sqlite:" + dir.resolve("log.db") : pg.url();
        Barista app = Barista.create(cfg -> {
            cfg.port(0).requestLog(false)
                    .property("barista.models.dir", dir.resolve("models").toString())
                    .property("barista.models.watch", "off")
                    .property("barista.data.url", url)
                    .property("barista.data.user", TestPostgres.USER);
            more.accept(cfg);
        });
        app.routes(); // installs the extensions: the registry scans the directory
        var models = barista.inference.Models.of(app);
        long until = System.nanoTime() + 20_000_000_000L;
        while (!models.startupComplete() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return app;
    }
}
