package barista.test;

import barista.Barista;
import barista.Config;
import barista.Context;
import barista.Resource;
import barista.Response;
import barista.RouteOptions;
import barista.binding.Cookie;
import barista.binding.Default;
import barista.binding.Header;
import barista.binding.Query;
import barista.http.FieldError;
import barista.http.Html;
import barista.http.HttpError;
import barista.http.Method;
import barista.http.Problem;
import barista.http.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compile-only: calls every public method a user reaches, so changing the public API breaks
 * the build here first. Never run (no {@code @Test}).
 */
@SuppressWarnings("unused")
final class PublicApiTour {
    record Params(long id, @Query("page-size") @Default("10") int pageSize, Optional<String> q, List<String> tag,
                  @Header String xToken, @Cookie Optional<String> session) {}

    record Body(String name) {}

    static final class Things implements Resource {
        @Override
        public Object get(Context ctx) {
            return List.of();
        }
    }

    private PublicApiTour() {
    }

    static void tour() {
        Barista app = Barista.create(cfg -> cfg.host("0.0.0.0").port(0).maxBodyBytes(1024).devMode(false)
                .eventLoopHandlers(false).corsOrigins("https://a.example").securityHeaders(true).gzipMinBytes(1024)
                .shutdownDelay(Duration.ZERO).shutdownGrace(Duration.ofSeconds(1)).requestLog(false).eventLoops(0)
                .idleTimeoutSeconds(60).title("t").version("1").property("barista.docs.enabled", "true"));
        Barista plain = Barista.create();
        Config config = app.config();
        String p = config.property("x", "y");
        boolean f = config.flag("x", false);
        java.time.Duration d = config.duration("x", java.time.Duration.ZERO);
        RouteOptions o = app.get("/a", ctx -> ctx.query("q"));
        o.summary("s").description("d").tags("t").operationId("op").deprecated().returns(String.class).status(200)
                .onEventLoop().hidden();
        app.post("/a", ctx -> ctx.body(Body.class));
        app.put("/a", ctx -> ctx.bodyText());
        app.patch("/a", ctx -> ctx.body());
        app.delete("/a", ctx -> null);
        app.route(Method.OPTIONS, "/a", ctx -> Response.noContent());
        app.get("/b/{id}", Params.class, (ctx, in) -> in);
        app.delete("/b/{id}", Params.class, (ctx, in) -> in);
        app.post("/c", Body.class, (ctx, in) -> Response.created(in));
        app.put("/c", Body.class, (ctx, in) -> Response.ok(in));
        app.patch("/c", Body.class, (ctx, in) -> Response.status(202).withBody(in).withHeader("X", "y"));
        app.post("/d/{id}", Params.class, Body.class, (ctx, in, body) -> Response.of("text/csv", "a,b"));
        app.put("/d/{id}", Params.class, Body.class, (ctx, in, body) -> body);
        app.patch("/d/{id}", Params.class, Body.class, (ctx, in, body) -> body);
        app.resource("/things", new Things());
        app.readiness("ready", () -> true);
        app.accessControl(ctx -> barista.access.Principal.anonymous());
        boolean served = barista.http.StaticFile.serve(app, "/s.css", "s.css", barista.http.StaticFile.CSS, "no-cache");
        barista.http.Webjar jar = barista.http.Webjar.find("org.webjars", "x");
        String jarUrl = jar == null ? null : jar.serve(app, "x.js", barista.http.StaticFile.JAVASCRIPT + barista.http.StaticFile.PNG
                + barista.http.StaticFile.SVG);
        barista.spi.AccessControl control = app.accessControl();
        app.get("/guarded/{name}", ctx -> ctx.principal().name() + ctx.principal().user() + ctx.principal().authenticated()
                        + ctx.principal().hasRole("r") + ctx.principal().hasPermission("p") + ctx.formValue("f") + ctx.form())
                .requires(barista.access.Requirement.authenticated(), barista.access.Requirement.role("admin"),
                        barista.access.Requirement.permission("model:{name}:call"));
        app.get("/ctx", ctx -> {
            String s = ctx.method() + ctx.path() + ctx.requestId() + ctx.pathParam("x") + ctx.query("q")
                    + ctx.queryAll("q") + ctx.queryParams() + ctx.header("h") + ctx.cookie("c") + ctx.route().name()
                    + ctx.status() + ctx.responseHeaders();
            ctx.status(200).header("X", "y");
            throw new HttpError.NotFound(s);
        });
        List<barista.routing.Route> routes = app.routes();
        app.start();
        int port = app.port();
        app.stop();
        Problem problem = Problem.of(Status.UNPROCESSABLE_CONTENT_422, "d").withInstance("/x").withRequestId("r")
                .withTrace(List.of());
        FieldError error = FieldError.of("query", "limit", "must be >= 1", "Min");
        String safe = Html.escape("<b>");
        String reason = Status.reason(404);
        HttpError[] errors = {new HttpError.BadRequest("x"), new HttpError.Unauthorized("x"),
            new HttpError.Forbidden("x"), new HttpError.Conflict("x"), new HttpError.ContentTooLarge("x"),
            new HttpError.UnsupportedMediaType("x"), new HttpError.ServiceUnavailable("x"),
            new HttpError.MethodNotAllowed("x", "GET"), new HttpError.UnprocessableContent(List.of(error)),
            new HttpError(418, "teapot", Map.of("X", "y"))};
        try (TestClient in = TestClient.inProcess(plain); TestClient socket = TestClient.overSocket(app)) {
            TestResponse r = in.get("/a");
            r = in.post("/a", Map.of()).status() == 200 ? in.put("/a", Map.of()) : in.patch("/a", Map.of());
            r = in.delete("/a");
            r = in.request("GET", "/a").header("h", "v").cookie("c", "v").json(Map.of()).jsonText("{}")
                    .body(new byte[0], "application/json").send();
            Object o2 = r.header("x") + r.text() + r.json() + r.as(Map.class) + r.headers() + r.body().length;
            String base = socket.baseUrl();
        }
    }
}
