package barista.observe;

import barista.Barista;
import barista.Response;
import barista.spi.Extension;

/**
 * Serves the app's {@link Metrics} to Prometheus, found by {@link java.util.ServiceLoader} when
 * this module is on the class path. The route is hidden, so the API docs do not list it.
 * {@code barista.metrics.enabled=false} serves nothing, for a deployment that exports metrics
 * another way or not at all; {@code barista.metrics.path} moves it (default {@code /metrics}),
 * for instance under a prefix the public proxy does not forward.
 *
 * <p>The answer is the Prometheus text format 0.0.4, or OpenMetrics 1.0.0 when the client's
 * {@code Accept} prefers it, with {@code Vary: Accept} so a cache keeps them apart.
 *
 * <p>Threading: {@link #install} runs on the starting thread. The route runs on a virtual thread
 * like any other; a scrape reads every meter and may block briefly on JVM management beans.
 */
public final class ObserveExtension implements Extension {
    /** The property that turns {@code /metrics} off when {@code false}. */
    public static final String ENABLED = "barista.metrics.enabled";
    /** The property that moves the route. */
    public static final String PATH = "barista.metrics.path";
    public static final String DEFAULT_PATH = "/metrics";

    @Override
    public void install(Barista app) {
        if (!app.config().flag(ENABLED, true)) {
            return;
        }
        Metrics metrics = Metrics.of(app);
        app.get(app.config().property(PATH, DEFAULT_PATH), ctx -> {
            ScrapeFormat format = ScrapeFormat.forAccept(ctx.header("Accept"));
            return Response.of(format.contentType(), metrics.scrape(format)).withHeader("Vary", "Accept");
        }).hidden();
    }
}
