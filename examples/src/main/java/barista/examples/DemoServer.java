package barista.examples;

import barista.Barista;
import barista.BaristaException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The demo server that {@code bin/barista demo} starts on http://localhost:8000: the four seed
 * styles, the items API, the demo models (iris, digits, wide) with {@code POST /iris}, health
 * probes, metrics and the API docs ({@code /docs}, {@code /redoc}).
 */
public final class DemoServer {
    private DemoServer() {
    }

    /** The demo app, not started; tests use it in-process. */
    public static Barista app() {
        return app(Barista.create(cfg -> cfg.title("Barista demo")
                .property("barista.models.dir", modelsDir().toString())
                .property("barista.models.admin", "true")));
    }

    /**
     * The models the build trained, in {@code examples/target/models}, next to the demo's jar
     * (or its classes folder); {@code BARISTA_MODELS_DIR} overrides it.
     */
    static Path modelsDir() {
        try {
            Path here = Path.of(DemoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.getParent().resolve("models");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("models");
        }
    }

    // tag::demo[]
    /** Declares the demo's routes on a given app. */
    public static Barista app(Barista app) {
        FastApiStyle.install(app);
        FlaskStyle.install(app);
        DjangoStyle.install(app);
        TornadoStyle.install(app);
        new ItemsApi().install(app);
        ModelServing.install(app);
        NotesApi.install(app);
        ReadingsApi.install(app);
        ReadingsApi.installExport(app);
        return app;
    }

    public static void main(String[] args) {
        try {
            app().start();
        } catch (BaristaException e) {
            System.err.println("barista: " + e.getMessage());
            System.exit(1);
        }
    }
    // end::demo[]
}
