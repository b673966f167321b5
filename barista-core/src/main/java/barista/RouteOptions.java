package barista;

import barista.access.Requirement;
import barista.binding.BodyModel;
import barista.binding.ParamsModel;
import barista.http.Method;
import barista.routing.Content;
import barista.routing.Invoker;
import barista.routing.PathTemplate;
import barista.routing.Route;
import barista.routing.RouteDoc;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Returned by every route declaration, to document or tune that route before the app starts:
 * {@code app.get(...).summary("Predict").tags("models").returns(Prediction.class)}.
 * Calls after {@link Barista#start()} have no effect and throw.
 */
public final class RouteOptions {
    private final Method method;
    private final PathTemplate path;
    private final ParamsModel params;
    private final BodyModel body;
    private final Invoker invoker;
    private final Runnable checkOpen;
    private Type returns;
    private int status = 200;
    private boolean onEventLoop;
    private boolean hidden;
    private String summary;
    private String description;
    private List<String> tags = List.of();
    private String operationId;
    private boolean deprecated;
    private final List<Content> accepts = new ArrayList<>();
    private final List<Content> produces = new ArrayList<>();
    private final List<Requirement> requires = new ArrayList<>();

    RouteOptions(Method method, PathTemplate path, ParamsModel params, BodyModel body, Invoker invoker,
                 Runnable checkOpen) {
        this.method = method;
        this.path = path;
        this.params = params;
        this.body = body;
        this.invoker = invoker;
        this.checkOpen = checkOpen;
    }

    /** One line for OpenAPI and the docs UIs. */
    public RouteOptions summary(String text) {
        checkOpen.run();
        this.summary = text;
        return this;
    }

    /** Longer Markdown text for OpenAPI. */
    public RouteOptions description(String text) {
        checkOpen.run();
        this.description = text;
        return this;
    }

    /** Groups the route in the docs. */
    public RouteOptions tags(String... tags) {
        checkOpen.run();
        this.tags = List.of(tags);
        return this;
    }

    public RouteOptions operationId(String id) {
        checkOpen.run();
        this.operationId = id;
        return this;
    }

    public RouteOptions deprecated() {
        checkOpen.run();
        this.deprecated = true;
        return this;
    }

    /**
     * The type the handler returns, so OpenAPI can describe the response. Lambdas erase it,
     * so it is declared here; {@link Resource} methods declare it by their return type.
     */
    public RouteOptions returns(Type type) {
        checkOpen.run();
        this.returns = type;
        return this;
    }

    /** The status of a successful response (default 200), e.g. 201 for a create. */
    public RouteOptions status(int code) {
        checkOpen.run();
        if (code < 100 || code > 399) {
            throw new SetupException(method + " " + path + ": success status must be 1xx-3xx, got " + code);
        }
        this.status = code;
        return this;
    }

    /**
     * Runs this handler on the event loop instead of a virtual thread: faster, but the handler
     * must never block (no JDBC, no sleeps, no model calls that wait).
     */
    public RouteOptions onEventLoop() {
        checkOpen.run();
        this.onEventLoop = true;
        return this;
    }

    /**
     * Documents a request body this route reads by hand ({@code ctx.body()}), for content that
     * is no Java type: {@code .accepts(new Content("application/x-npy", Map::of))}. Call once per
     * media type. Typed routes document their body type without this.
     */
    public RouteOptions accepts(Content content) {
        checkOpen.run();
        accepts.add(content);
        return this;
    }

    /** Documents a success body by media type and schema; the counterpart of {@link #accepts}. */
    public RouteOptions produces(Content content) {
        checkOpen.run();
        produces.add(content);
        return this;
    }

    /**
     * What a caller needs to use this route: {@code .requires(Requirement.role("admin"))}.
     * Checked before the request is bound: 401 for nobody signed in, 403 for a principal that
     * lacks it. Declaring any requirement needs an access control on the app (the
     * {@code barista-auth} module), or start-up fails.
     */
    public RouteOptions requires(Requirement... requirements) {
        checkOpen.run();
        for (Requirement r : requirements) {
            r.checkAgainst(path, method + " " + path.text());
            requires.add(r);
        }
        return this;
    }

    /** Leaves the route out of OpenAPI and generated UIs. */
    public RouteOptions hidden() {
        checkOpen.run();
        this.hidden = true;
        return this;
    }

    Route build(boolean allOnEventLoop) {
        String id = operationId != null ? operationId : defaultOperationId();
        return new Route(method, path, params, body, returns, status, onEventLoop || allOnEventLoop, hidden,
                new RouteDoc(summary, description, tags, id, deprecated, accepts, produces), invoker, requires);
    }

    /** {@code get_items_id} for {@code GET /items/{id}}, like FastAPI's. */
    private String defaultOperationId() {
        StringBuilder sb = new StringBuilder(method.name().toLowerCase(java.util.Locale.ROOT));
        for (char c : path.text().toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return sb.toString().replaceAll("_+", "_").replaceAll("_$", "");
    }
}
