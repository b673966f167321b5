package barista.internal;

import barista.Config;
import barista.Context;
import barista.access.Requirement;
import barista.http.FieldError;
import barista.http.HttpError;
import barista.http.Method;
import barista.http.Problem;
import barista.http.Status;
import barista.routing.Route;
import barista.routing.RouteTable;
import barista.spi.AccessControl;
import barista.spi.Dispatcher;
import barista.spi.HttpRequest;
import barista.spi.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The request pipeline: route lookup, binding and validation, the handler, encoding, error
 * mapping, then the headers every response gets and the request's log line.
 *
 * <p>Threading: {@link #target} runs on the engine's event loop and never blocks;
 * {@link #dispatch} runs on a virtual thread, or on the event loop for routes that opted in.
 * A handler that returns a {@link CompletionStage} is encoded and finished on the thread that
 * completes it (a model's batch worker, the prediction log's writer): handing that work to the
 * event loop instead measured slower on 2 cores (POST /iris: 21-34k req/s against a steady
 * 31k), since the one event loop is the busier thread.
 * Immutable; one instance serves all requests.
 */
public final class Pipeline implements Dispatcher {
    private final RouteTable table;
    private final Config config;
    private final Cors cors;
    private final RequestLog requestLog;
    private final AccessControl accessControl;
    private final AllowedHosts allowedHosts;

    public Pipeline(RouteTable table, Config config, AccessControl accessControl) {
        this.table = table;
        this.config = config;
        this.accessControl = accessControl;
        this.allowedHosts = AllowedHosts.of(config);
        this.cors = new Cors(config.cors());
        this.requestLog = config.requestLog() ? RequestLog.toStdout() : null;
    }

    /** For {@link barista.Barista#start}'s warning; see {@link AllowedHosts#answersEveryHostByDefault}. */
    public boolean answersEveryHostByDefault() {
        return allowedHosts.answersEveryHostByDefault();
    }

    /** Writes out every request logged so far; called at shutdown. */
    public void flushLog() {
        if (requestLog != null) {
            requestLog.flush();
        }
    }

    /** A matched route. */
    private record RouteTarget(Route route, String[] values, boolean head) implements Target {
        @Override
        public boolean onEventLoop() {
            return route.onEventLoop();
        }

        @Override
        public boolean readsBody() {
            return true;
        }
    }

    /** An answer known from the request line alone: 404, 405, OPTIONS, 400. */
    private record Answer(int status, String detail, String allow) implements Target {
        @Override
        public boolean onEventLoop() {
            return true;
        }

        @Override
        public boolean readsBody() {
            return false;
        }
    }

    @Override
    public Target target(String method, String path) {
        Method m = Method.parse(method);
        RouteTable.Lookup found;
        try {
            found = table.find(m, path);
        } catch (IllegalArgumentException e) {
            return new Answer(Status.BAD_REQUEST_400, "malformed path: bad percent-escape", null);
        }
        return switch (found) {
            case RouteTable.Found f -> new RouteTarget(f.route(), f.values(), f.head());
            case RouteTable.NotAllowed na -> m == Method.OPTIONS
                    ? new Answer(Status.NO_CONTENT_204, null, na.allow())
                    : new Answer(Status.METHOD_NOT_ALLOWED_405, "method " + method + " not allowed; allowed: " + na.allow(), na.allow());
            case RouteTable.NotFound nf -> new Answer(Status.NOT_FOUND_404, "no route for " + path, null);
        };
    }

    @Override
    public long maxBodyBytes() {
        return config.maxBodyBytes();
    }

    @Override
    public CompletionStage<Reply> dispatch(Target target, HttpRequest request) {
        String requestId = RequestIds.accept(request.header("X-Request-Id"));
        boolean head = target instanceof RouteTarget rt && rt.head();
        Reply reply;
        String routeName = null;
        try {
            if (!allowedHosts.allows(request.header("Host"))) {
                throw new HttpError.BadRequest("host not allowed; add it to barista.allowed-hosts");
            }
            if (target instanceof RouteTarget rt) {
                routeName = rt.route().name();
                Context ctx = new Context(request, rt.route(), rt.values(), requestId, accessControl);
                Object result = run(rt.route(), ctx, request);
                if (result instanceof CompletionStage<?> later) {
                    String name = routeName;
                    return later.handle((value, failure) ->
                            finish(request, settle(value, failure, ctx, request, name, requestId), requestId, head));
                }
                reply = Encoder.encode(result, ctx);
            } else {
                reply = answer((Answer) target, request);
            }
        } catch (Throwable t) {
            reply = failed(t, request, routeName == null ? request.path() : routeName, requestId);
        }
        return CompletableFuture.completedFuture(finish(request, reply, requestId, head));
    }

    /** The reply for a handler's result that arrived later, or for its failure. */
    private Reply settle(Object value, Throwable failure, Context ctx, HttpRequest request, String routeName,
                         String requestId) {
        if (failure == null) {
            try {
                return Encoder.encode(value, ctx);
            } catch (Throwable t) {
                failure = t;
            }
        }
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failed(failure, request, routeName, requestId);
    }

    private Reply failed(Throwable t, HttpRequest request, String routeName, String requestId) {
        return t instanceof HttpError e ? Errors.mapped(e, request)
                : Errors.unhandled(t, request, routeName, requestId, config.devMode());
    }

    @Override
    public Reply failed(HttpRequest request, Throwable failure, String requestId) {
        return finish(request, failed(failure, request, request.path(), requestId), requestId, false);
    }

    @Override
    public Reply refuse(HttpRequest request, int status, String detail) {
        String requestId = RequestIds.accept(request.header("X-Request-Id"));
        Reply reply = Errors.problem(Problem.of(status, detail).withInstance(request.path()), Map.of());
        return finish(request, reply, requestId, false);
    }

    /** Binds and validates the inputs, then calls the handler; returns what it returned. */
    private static Object run(Route route, Context ctx, HttpRequest request) throws Exception {
        if (!route.requires().isEmpty()) {
            checkAccess(route, ctx);
        }
        Object params = null;
        Object body = null;
        List<FieldError> errors = null;
        if (route.params() != null) {
            errors = new ArrayList<>(0);
            params = route.params().bind(ctx, errors);
        }
        if (route.body() != null) {
            if (errors == null) {
                errors = new ArrayList<>(0);
            }
            body = route.body().read(request.header("Content-Type"), request.body(), errors);
        }
        if (errors != null && !errors.isEmpty()) {
            throw new HttpError.UnprocessableContent(errors);
        }
        return route.invoker().invoke(ctx, params, body);
    }

    /**
     * 401 when nobody is signed in, 403 when the principal lacks something ({@link Context#require}).
     * The detail names the missing role or permission, which the caller may know; it never says
     * whether a user exists.
     */
    private static void checkAccess(Route route, Context ctx) {
        for (Requirement r : route.requires()) {
            ctx.require(r);
        }
    }

    private Reply answer(Answer a, HttpRequest request) {
        if (a.status() == 204) {
            if (cors.enabled() && Cors.isPreflight(request)) {
                Reply pre = cors.preflight(request);
                if (pre == null) {
                    return Errors.problem(Problem.of(403, "cross-origin request not allowed from this origin or method")
                            .withInstance(request.path()), Map.of());
                }
                return pre;
            }
            return new Reply(204).header("Allow", a.allow());
        }
        Map<String, String> headers = a.allow() == null ? Map.of() : Map.of("Allow", a.allow());
        return Errors.problem(Problem.of(a.status(), a.detail()).withInstance(request.path()), headers);
    }

    private Reply finish(HttpRequest request, Reply reply, String requestId, boolean head) {
        reply.header("X-Request-Id", requestId);
        if (config.securityHeaders()) {
            reply.header("X-Content-Type-Options", "nosniff");
            if (reply.header("X-Frame-Options") == null) {
                reply.header("X-Frame-Options", "DENY");
            }
            reply.header("Referrer-Policy", "no-referrer");
        }
        if (cors.enabled()) {
            cors.decorate(request, reply);
        }
        if (head) {
            reply.stripBody();
        }
        if (requestLog != null) {
            if (reply.streamingBody() == null) {
                logRequest(request, reply.status(), requestId);
            } else { // its line says how long the whole body took; one that fails first is logged as its error reply
                reply.onStreamEnd(cut -> logRequest(request, reply.status(), requestId));
            }
        }
        return reply;
    }

    private void logRequest(HttpRequest request, int status, String requestId) {
        requestLog.log(request.method(), request.path(), status, System.nanoTime() - request.receivedNanos(),
                requestId, request.remoteAddress());
    }
}
