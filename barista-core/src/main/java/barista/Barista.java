package barista;

import barista.binding.BodyModel;
import barista.binding.ParamsModel;
import barista.health.Health;
import barista.http.Method;
import barista.internal.Pipeline;
import barista.internal.JdkLogging;
import barista.internal.Warmup;
import barista.routing.Invoker;
import barista.routing.PathTemplate;
import barista.routing.Route;
import barista.routing.RouteTable;
import barista.spi.AccessControl;
import barista.spi.Dispatcher;
import barista.spi.Engine;
import barista.spi.Extension;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An app: its configuration, its routes, and the server that runs them. The one entry point.
 *
 * <pre>{@code
 * record Score(@Min(0) int score) {}
 * var app = Barista.create(cfg -> cfg.port(8000));
 * app.get("/predict", Score.class, (ctx, q) -> Map.of("prediction", q.score() * 3));
 * app.start();
 * }</pre>
 *
 * <p>Routes are declared before {@link #start()}. Each is analysed when declared, so a path
 * variable with no record component or an unsupported parameter type fails at that line; a
 * duplicate route or a {@code @Default} that breaks its constraint fails at start. For
 * {@code GET} and {@code DELETE} a typed route's input record is its parameters; for
 * {@code POST}, {@code PUT} and {@code PATCH} it is the JSON body, and a route taking both
 * declares a params record and a body type.
 *
 * <p>Threading: declare routes from one thread; after start, the app is immutable and safe to
 * share.
 */
public final class Barista {
    private static final System.Logger LOG = System.getLogger("barista");

    private final Config config;
    private final List<RouteOptions> declared = new ArrayList<>();
    private final Set<String> resourcePaths = new HashSet<>();
    private final Health health = new Health();
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final List<Runnable> stopActions = new CopyOnWriteArrayList<>();
    private State state = State.OPEN;
    private RouteTable table;
    private Pipeline pipeline;
    private Engine.Server server;
    private Thread shutdownHook;
    private AccessControl accessControl;

    private enum State { OPEN, INSTALLING, FROZEN }

    private Barista(Config config) {
        this.config = config;
    }

    /** An app with the defaults, {@code application.properties} and environment variables. */
    public static Barista create() {
        return create(cfg -> { });
    }

    /** An app configured in code first; properties and environment variables override it. */
    public static Barista create(Consumer<Config.Builder> configure) {
        JdkLogging.configure();
        Warmup.begin();
        return new Barista(Config.load(configure));
    }

    public Config config() {
        return config;
    }

    // ------------------------------------------------------------------ quick style

    public RouteOptions get(String path, Handler handler) {
        return route(Method.GET, path, handler);
    }

    public RouteOptions post(String path, Handler handler) {
        return route(Method.POST, path, handler);
    }

    public RouteOptions put(String path, Handler handler) {
        return route(Method.PUT, path, handler);
    }

    public RouteOptions patch(String path, Handler handler) {
        return route(Method.PATCH, path, handler);
    }

    public RouteOptions delete(String path, Handler handler) {
        return route(Method.DELETE, path, handler);
    }

    /** A quick-style route for any method. */
    public RouteOptions route(Method method, String path, Handler handler) {
        return add(method, path, null, null, (ctx, p, b) -> handler.handle(ctx));
    }

    // ------------------------------------------------------------------ typed style

    /** A GET whose query, path, header and cookie values bind into the record {@code params}. */
    public <P> RouteOptions get(String path, Class<P> params, InputHandler<P> handler) {
        return withParams(Method.GET, path, params, handler);
    }

    /** A DELETE whose parameters bind into the record {@code params}. */
    public <P> RouteOptions delete(String path, Class<P> params, InputHandler<P> handler) {
        return withParams(Method.DELETE, path, params, handler);
    }

    /** A POST whose JSON body binds into {@code body}; path variables via {@link Context#pathParam}. */
    public <B> RouteOptions post(String path, Class<B> body, InputHandler<B> handler) {
        return withBody(Method.POST, path, body, handler);
    }

    public <B> RouteOptions put(String path, Class<B> body, InputHandler<B> handler) {
        return withBody(Method.PUT, path, body, handler);
    }

    public <B> RouteOptions patch(String path, Class<B> body, InputHandler<B> handler) {
        return withBody(Method.PATCH, path, body, handler);
    }

    /** A POST taking a params record and a JSON body. */
    public <P, B> RouteOptions post(String path, Class<P> params, Class<B> body, ParamsBodyHandler<P, B> handler) {
        return withBoth(Method.POST, path, params, body, handler);
    }

    public <P, B> RouteOptions put(String path, Class<P> params, Class<B> body, ParamsBodyHandler<P, B> handler) {
        return withBoth(Method.PUT, path, params, body, handler);
    }

    public <P, B> RouteOptions patch(String path, Class<P> params, Class<B> body, ParamsBodyHandler<P, B> handler) {
        return withBoth(Method.PATCH, path, params, body, handler);
    }

    // ------------------------------------------------------------------ class style

    /**
     * Routes every method the resource overrides ({@code get}, {@code post}, ...) at one path;
     * each override's return type documents its response.
     */
    public Barista resource(String path, Resource resource) {
        checkOpen();
        if (!resourcePaths.add(path)) {
            throw new SetupException("resource already declared at " + path);
        }
        int served = 0;
        for (Method m : List.of(Method.GET, Method.POST, Method.PUT, Method.PATCH, Method.DELETE)) {
            java.lang.reflect.Method override = overrideOf(resource.getClass(), m.name().toLowerCase(java.util.Locale.ROOT));
            if (override == null) {
                continue;
            }
            Invoker invoker = switch (m) {
                case GET -> (ctx, p, b) -> resource.get(ctx);
                case POST -> (ctx, p, b) -> resource.post(ctx);
                case PUT -> (ctx, p, b) -> resource.put(ctx);
                case PATCH -> (ctx, p, b) -> resource.patch(ctx);
                default -> (ctx, p, b) -> resource.delete(ctx);
            };
            RouteOptions options = add(m, path, null, null, invoker);
            if (override.getReturnType() != Object.class) {
                options.returns(override.getGenericReturnType());
            }
            served++;
        }
        if (served == 0) {
            throw new SetupException("resource " + resource.getClass().getName() + " at " + path
                    + " overrides none of get/post/put/patch/delete");
        }
        return this;
    }

    private static java.lang.reflect.Method overrideOf(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 1 && m.getParameterTypes()[0] == Context.class
                        && !m.isBridge() && !Modifier.isStatic(m.getModifiers())) {
                    m.setAccessible(true);
                    return m;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ health

    /**
     * Adds a readiness check: {@code /readyz} answers 503 until every check returns true (a model
     * still warming up, a database not yet reachable). Checks are called per {@code /readyz}
     * request, so keep them cheap.
     */
    public Barista readiness(String name, BooleanSupplier check) {
        health.add(name, check);
        return this;
    }

    // ------------------------------------------------------------------ services

    /**
     * The app's one instance of {@code type}, made by {@code create} on first use. This is how
     * modules share a component per app (the metrics registry, the model registry) without
     * statics: {@code Metrics.of(app)} is {@code app.service(Metrics.class, Metrics::new)}.
     * The class is the key, so each module owns its keys. {@code create} may itself call
     * {@code service} for another type, but must not recurse into its own.
     */
    public <T> T service(Class<T> type, Function<Barista, ? extends T> create) {
        Object existing = services.get(type);
        if (existing == null) {
            synchronized (services) {
                existing = services.get(type);
                if (existing == null) {
                    existing = create.apply(this);
                    services.put(type, type.cast(existing));
                }
            }
        }
        return type.cast(existing);
    }

    /** Whether {@link #service} has made an instance of {@code type} for this app. */
    public boolean hasService(Class<?> type) {
        return services.containsKey(type);
    }

    /**
     * Runs {@code action} when the app stops, after in-flight requests finished: closing a model
     * session, a pool, a watcher. Actions run in reverse order of registration (last opened,
     * first closed); one that throws is logged and the rest still run.
     */
    public Barista onStop(Runnable action) {
        stopActions.add(action);
        return this;
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Sets who-is-asking for every request ({@code barista-auth} does this when it is on the class
     * path). Without one, {@link Context#principal()} is always anonymous and a route that
     * {@link RouteOptions#requires requires} anything fails start-up.
     */
    public synchronized Barista accessControl(AccessControl control) {
        if (state == State.FROZEN) {
            throw new SetupException("the access control cannot change after the app started");
        }
        if (accessControl != null && accessControl != control) {
            throw new SetupException("the app already has an access control: " + accessControl.getClass().getName());
        }
        this.accessControl = control;
        return this;
    }

    /** The app's access control, or {@code null}. */
    public AccessControl accessControl() {
        return accessControl;
    }

    /** Every route, including those extensions add; freezes the app. */
    public List<Route> routes() {
        freeze();
        return table.routes();
    }

    /** The request pipeline, for engines and the in-process test client; freezes the app. */
    public Dispatcher dispatcher() {
        freeze();
        prepareRoutes();
        return pipeline;
    }

    /** Starts serving; returns once the port accepts connections. */
    public synchronized Barista start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        long t0 = System.nanoTime();
        freeze();
        // Reading constraints and building JSON readers overlaps with the engine binding its port.
        CompletableFuture<Void> prepared = new CompletableFuture<>();
        Thread.ofPlatform().name("barista-prepare").start(() -> {
            try {
                prepareRoutes();
                prepared.complete(null);
            } catch (Throwable t) {
                prepared.completeExceptionally(t);
            }
        });
        Engine engine = ServiceLoader.load(Engine.class).findFirst().orElseThrow(() ->
                new SetupException("no HTTP engine on the class path: add dev.barista:barista-engine-vertx"));
        server = engine.start(pipeline, config);
        try {
            prepared.join();
        } catch (CompletionException e) {
            server.stop(java.time.Duration.ZERO);
            server = null;
            throw e.getCause() instanceof RuntimeException re ? re : new SetupException("start-up failed", e.getCause());
        }
        health.started();
        shutdownHook = new Thread(this::stopFromHook, "barista-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.log(System.Logger.Level.INFO, "Barista listening on http://{0}:{1,number,#} ({2} routes; started in {3} ms)",
                config.host(), server.port(), table.routes().size(), (System.nanoTime() - t0) / 1_000_000);
        if (pipeline.answersEveryHostByDefault()) {
            LOG.log(System.Logger.Level.WARNING, "barista.allowed-hosts is not set, so on {0} a request naming any "
                    + "host is answered; set it to the names clients use (api.example.com, .example.com)", config.host());
        }
        return this;
    }

    /** The bound port; useful after starting on port 0. */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.port();
    }

    /**
     * Stops: {@code /readyz} turns 503, the app keeps serving for {@link Config#shutdownDelay()}
     * so load balancers can take it out, then the socket stops accepting, in-flight requests
     * finish (up to {@link Config#shutdownGrace()}), and connections close.
     */
    public synchronized void stop() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running us
            }
            shutdownHook = null;
        }
        stopServer(false);
    }

    private synchronized void stopFromHook() {
        shutdownHook = null;
        stopServer(true);
    }

    private void stopServer(boolean fromHook) {
        if (server == null) {
            runStopActions(fromHook); // an app used only in-process still closes what it opened
            return;
        }
        note(fromHook, "Barista stopping: /readyz is 503, finishing in-flight requests");
        health.stopping();
        if (!config.shutdownDelay().isZero()) {
            try {
                Thread.sleep(config.shutdownDelay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(config.shutdownGrace());
        server = null;
        runStopActions(fromHook);
        pipeline.flushLog();
        note(fromHook, "Barista stopped");
    }

    private void runStopActions(boolean fromHook) {
        List<Runnable> actions = new ArrayList<>(stopActions);
        stopActions.clear();
        for (int i = actions.size() - 1; i >= 0; i--) {
            try {
                actions.get(i).run();
            } catch (RuntimeException e) {
                note(fromHook, "a stop action failed: " + e);
            }
        }
    }

    private static void note(boolean fromHook, String message) {
        if (fromHook) {
            JdkLogging.printDirect("barista", message);
        } else {
            LOG.log(System.Logger.Level.INFO, message);
        }
    }

    // ------------------------------------------------------------------ inside

    private <P> RouteOptions withParams(Method m, String path, Class<P> params, InputHandler<P> handler) {
        PathTemplate t = PathTemplate.parse(path);
        ParamsModel model = ParamsModel.of(params, Set.copyOf(t.variables()), m + " " + path);
        return add(m, t, model, null, (ctx, p, b) -> handler.handle(ctx, params.cast(p)));
    }

    private <B> RouteOptions withBody(Method m, String path, Class<B> body, InputHandler<B> handler) {
        return add(m, PathTemplate.parse(path), null, BodyModel.of(body), (ctx, p, b) -> handler.handle(ctx, body.cast(b)));
    }

    private <P, B> RouteOptions withBoth(Method m, String path, Class<P> params, Class<B> body,
                                         ParamsBodyHandler<P, B> handler) {
        PathTemplate t = PathTemplate.parse(path);
        ParamsModel pm = ParamsModel.of(params, Set.copyOf(t.variables()), m + " " + path);
        return add(m, t, pm, BodyModel.of(body), (ctx, p, b) -> handler.handle(ctx, params.cast(p), body.cast(b)));
    }

    private RouteOptions add(Method m, String path, ParamsModel params, BodyModel body, Invoker invoker) {
        return add(m, PathTemplate.parse(path), params, body, invoker);
    }

    private RouteOptions add(Method m, PathTemplate path, ParamsModel params, BodyModel body, Invoker invoker) {
        checkOpen();
        RouteOptions options = new RouteOptions(m, path, params, body, invoker, this::checkOpen);
        declared.add(options);
        return options;
    }

    private void checkOpen() {
        if (state == State.FROZEN) {
            throw new SetupException("routes cannot change after the app started");
        }
    }

    /** Readies every route's binder (constraints, JSON readers); a broken default fails here. */
    private void prepareRoutes() {
        for (Route r : table.routes()) {
            if (r.params() != null) {
                r.params().prepare();
            }
            if (r.body() != null) {
                r.body().prepare();
            }
        }
    }

    private synchronized void freeze() {
        if (state != State.OPEN) {
            return;
        }
        state = State.INSTALLING;
        health.install(this);
        if (config.flag("barista.extensions.enabled", true)) {
            for (Extension e : ServiceLoader.load(Extension.class)) {
                e.install(this);
            }
        }
        state = State.FROZEN;
        RouteTable t = new RouteTable();
        for (RouteOptions o : declared) {
            t.add(o.build(config.eventLoopHandlers()));
        }
        if (accessControl == null) {
            for (Route r : t.routes()) {
                if (!r.requires().isEmpty()) {
                    throw new SetupException(r.name() + " requires " + r.requires().getFirst()
                            + ", but the app has no access control to check it: add dev.barista:barista-auth");
                }
            }
        }
        table = t;
        pipeline = new Pipeline(table, config, accessControl);
    }
}
