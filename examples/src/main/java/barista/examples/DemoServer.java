package barista.examples;

import barista.Barista;
import barista.BaristaException;

/**
 * The demo server that {@code bin/barista demo} starts on http://localhost:8000: the four seed
 * styles, the items API, health probes and the API docs ({@code /docs}, {@code /redoc}).
 */
public final class DemoServer {
    private DemoServer() {
    }

    /** The demo app, not started; tests use it in-process. */
    public static Barista app() {
        return app(Barista.create(cfg -> cfg.title("Barista demo")));
    }

    // tag::demo[]
    /** Declares the demo's routes on a given app. */
    public static Barista app(Barista app) {
        FastApiStyle.install(app);
        FlaskStyle.install(app);
        DjangoStyle.install(app);
        TornadoStyle.install(app);
        new ItemsApi().install(app);
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
