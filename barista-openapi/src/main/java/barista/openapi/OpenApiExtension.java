package barista.openapi;

import barista.Barista;
import barista.Response;
import barista.http.StaticFile;
import barista.http.Webjar;
import barista.routing.Route;
import java.util.List;
import barista.json.Json;
import barista.spi.Extension;

/**
 * Serves an app's API docs, found by {@link java.util.ServiceLoader} when this module is on the
 * class path: {@code /openapi.json}, Swagger UI at {@code /docs}, ReDoc at {@code /redoc}, and
 * the few webjar files those pages load. All of these routes are hidden, so the docs do not
 * describe themselves. Property {@code barista.docs.enabled=false} turns the whole lot off, for a
 * deployment that should not publish its API.
 *
 * <p>The document is built on its first request, not here: extensions install before the route
 * table freezes, so only then is every route, including other extensions', known. It is built
 * once and its bytes reused.
 *
 * <p>Threading: {@link #install} runs on the starting thread; the routes it declares run on any
 * thread and share only immutable or safely published state.
 */
public final class OpenApiExtension implements Extension {
    /** The property that turns the docs off when {@code false}. */
    public static final String ENABLED = "barista.docs.enabled";
    public static final String DOCUMENT_PATH = "/openapi.json";

    private static final System.Logger LOG = System.getLogger("barista.openapi");

    @Override
    public void install(Barista app) {
        if (!app.config().flag(ENABLED, true)) {
            return;
        }
        DocumentBytes document = new DocumentBytes(app);
        app.get(DOCUMENT_PATH, ctx -> Response.of("application/json", document.get())).hidden();
        String title = app.config().title();

        Webjar swagger = Webjar.find("org.webjars", "swagger-ui");
        String swaggerJs = swagger == null ? null : swagger.serve(app, "swagger-ui-bundle.js", StaticFile.JAVASCRIPT);
        String swaggerCss = swagger == null ? null : swagger.serve(app, "swagger-ui.css", StaticFile.CSS);
        if (swaggerJs != null && swaggerCss != null) {
            String favicon = swagger.serve(app, "favicon-32x32.png", StaticFile.PNG);
            page(app, "/docs", DocsPages.swaggerUi(title, DOCUMENT_PATH, swaggerJs, swaggerCss, favicon));
        } else {
            LOG.log(System.Logger.Level.WARNING, "org.webjars:swagger-ui is not on the class path: no /docs");
        }

        Webjar redoc = Webjar.find("org.webjars.npm", "redoc");
        String redocJs = redoc == null ? null : redoc.serve(app, "bundles/redoc.standalone.js", StaticFile.JAVASCRIPT);
        if (redocJs != null) {
            page(app, "/redoc", DocsPages.redoc(title, DOCUMENT_PATH, redocJs));
        } else {
            LOG.log(System.Logger.Level.WARNING, "org.webjars.npm:redoc is not on the class path: no /redoc");
        }
    }

    private static void page(Barista app, String path, String html) {
        Response page = Response.of(DocsPages.CONTENT_TYPE, html)
                .withHeader("Content-Security-Policy", DocsPages.CSP);
        app.get(path, ctx -> page).hidden();
    }

    /**
     * The document's JSON, built on first use. Two first requests racing may both build it;
     * building is a pure function of the frozen routes, so either result is the same. Routes
     * documented with {@link barista.routing.Content} schemas (a model endpoint, whose tensors
     * follow the version loaded now) make the document change while serving, so it is then
     * rebuilt per request: the docs are not a hot path.
     */
    private static final class DocumentBytes {
        private final Barista app;
        private volatile byte[] bytes;

        DocumentBytes(Barista app) {
            this.app = app;
        }

        byte[] get() {
            byte[] b = bytes;
            if (b == null) {
                List<Route> routes = app.routes();
                b = Json.write(OpenApiDocument.build(app.config(), routes));
                if (routes.stream().noneMatch(r -> r.doc().hasContentSchemas())) {
                    bytes = b;
                }
            }
            return b;
        }
    }
}
