package barista.inference;

import barista.Barista;
import java.nio.file.Path;

/** Apps for the tests: a model directory, no watching unless asked, admin on (for {@code X-Test-User: admin}). */
final class Apps {
    private Apps() {
    }

    static Barista serving(Path modelDir) {
        return serving(modelDir, "off");
    }

    static Barista serving(Path modelDir, String watch) {
        return Barista.create(cfg -> cfg.port(0)
                .property("barista.models.dir", modelDir.toString())
                .property("barista.models.watch", watch)
                .property("barista.models.admin", "true")).accessControl(TestAccess.INSTANCE);
    }

    /** Waits (up to 20 s) until every model found at start-up has loaded or failed. */
    static Models loaded(Barista app) {
        app.routes(); // installs the extensions, which scans the directory
        Models models = Models.of(app);
        long until = System.nanoTime() + 20_000_000_000L;
        while (!models.startupComplete()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("models did not load within 20 s");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return models;
    }
}
