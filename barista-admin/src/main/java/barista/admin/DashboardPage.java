package barista.admin;

import barista.Barista;
import barista.admin.html.Page;
import barista.inference.ModelVersion;
import barista.inference.Models;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /admin}: each model with its serving version and live figures (requests per second,
 * inference p50 and p99 over the last five minutes), and a uPlot chart that {@code admin.js}
 * feeds by polling {@code /admin/stats.json} every two seconds. Reads only the in-memory
 * {@link LiveStats} and the model registry: never the prediction log.
 *
 * <p>Threading: handlers run on virtual threads and don't block.
 */
final class DashboardPage {
    private final Barista app;
    private final LiveStats stats;
    private final Layout layout;

    DashboardPage(Barista app, LiveStats stats, Layout layout) {
        this.app = app;
        this.stats = stats;
        this.layout = layout;
    }

    void install(Guard guard) {
        guard.get(app, "/admin", null, this::page);
        guard.data(app, "/admin/stats.json", null, v -> LiveStats.json(stats.snapshot(), serving()));
    }

    private Object page(Visit v) {
        LiveStats.Snapshot snapshot = stats.snapshot();
        Map<String, LiveStats.ModelFigures> figures = new HashMap<>();
        for (LiveStats.ModelFigures f : snapshot.models()) {
            figures.put(f.name(), f);
        }
        Map<String, String> serving = serving();
        TreeSet<String> names = new TreeSet<>(serving.keySet());
        names.addAll(figures.keySet());
        return layout.page(v, "Dashboard", "/admin", p -> {
            p.open("section");
            p.el("h2", "Models");
            if (names.isEmpty()) {
                p.el("p", "No models are loaded.");
            } else {
                p.open("div", "class", "scroll");
                p.open("table", "id", "live");
                p.open("thead").open("tr");
                for (String h : List.of("Model", "Serving", "Requests/s", "p50 ms", "p99 ms", "Requests (5 min)")) {
                    p.el("th", h, "scope", "col");
                }
                p.close().close().open("tbody");
                for (String name : names) {
                    LiveStats.ModelFigures f = figures.get(name);
                    p.open("tr", "data-model", name);
                    p.el("th", name, "scope", "row");
                    String version = serving.get(name);
                    p.el("td", version == null ? "none" : "v" + version, "data-field", "serving");
                    p.el("td", f == null ? "0" : number(f.requestsPerSecond()), "data-field", "requestsPerSecond");
                    p.el("td", f == null ? "–" : number(f.p50Millis()), "data-field", "p50Millis");
                    p.el("td", f == null ? "–" : number(f.p99WindowMillis()), "data-field", "p99Millis");
                    p.el("td", f == null ? "0" : Long.toString(f.requests()), "data-field", "requests");
                    p.close();
                }
                p.close().close().close();
            }
            p.close();
            p.open("section");
            p.el("h2", "Requests per second, last 5 minutes");
            p.open("div", "id", "chart", "class", "chart", "data-src", "/admin/stats.json",
                    "role", "img", "aria-label", "Requests per second per model").close();
            p.el("p", "Latency is a request's time at the model: queue, inference and the prediction log's commit. "
                    + "Figures refresh every 2 seconds.", "class", "note");
            p.close();
        });
    }

    /** Each known model's serving version, or null if none serves. */
    private Map<String, String> serving() {
        Map<String, String> out = new HashMap<>();
        if (!app.hasService(Models.class)) {
            return out;
        }
        Models models = Models.of(app);
        for (String name : models.names()) {
            ModelVersion v = models.serving(name);
            out.put(name, v == null ? null : v.version());
        }
        return out;
    }

    static String number(Double v) {
        if (v == null) {
            return "–";
        }
        return v >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", v)
                : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
