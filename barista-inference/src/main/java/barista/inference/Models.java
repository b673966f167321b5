package barista.inference;

import barista.Barista;
import barista.Config;
import barista.inference.batching.Batcher;
import barista.inference.log.PredictionLog;
import barista.inference.runtime.ModelLoadException;
import barista.inference.runtime.OnnxRunner;
import barista.inference.runtime.Runner;
import barista.inference.tensor.Tensor;
import barista.observe.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The app's model registry: every model, its versions, which one serves, and the loading,
 * warm-up, swapping and unloading between them. One per app: {@code Models.of(app)}.
 *
 * <pre>{@code
 * Models models = Models.of(app);                   // also serves models/<name>/<version>/model.onnx
 * Model iris = models.model("iris");               // a handle; follows hot swaps
 * app.post("/iris", IrisIn.class, (ctx, in) -> iris.predict(ctx, Tensor.ofFloats(in.features()))
 *         .thenApply(p -> new IrisOut(p.classes()))).onEventLoop();
 * }</pre>
 *
 * <p>A model's served version is the one pinned with {@link #serve}, else its highest ready
 * version (numerically, when versions are numbers). Loading a new version leaves the old one
 * serving until the new one has loaded and warmed up; the swap is one pointer change, and the
 * old version finishes its queued requests before it closes. A failed load changes nothing
 * that serves and is reported in {@link ModelVersion#error()}.
 *
 * <p>Threading: safe from any thread. Loads run one at a time on a loader thread;
 * {@link #load(String, String, Path)} waits for its own.
 */
public final class Models {
    private static final System.Logger LOG = System.getLogger("barista.models");
    /** Where a logged prediction's caller continues after the commit: a virtual thread each, off the log's writer. */
    private static final Executor AFTER_COMMIT =
            task -> Thread.ofVirtual().name("barista-prediction-logged").start(task);

    private final Barista app;
    private final Metrics metrics;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("barista-model-loader").factory());
    private final AtomicInteger startupLoads = new AtomicInteger();
    private final ModelDirectory directory;
    private final PredictionLog log;
    private final ModelAccess access;
    private volatile boolean closed;

    private Models(Barista app) {
        this.app = app;
        this.metrics = Metrics.of(app);
        Config config = app.config();
        this.log = config.flag("barista.predictions.log", true) ? PredictionLog.of(app) : null;
        this.access = ModelAccess.of(app);
        String dir = config.property("barista.models.dir", "models");
        this.directory = new ModelDirectory(Path.of(dir), this);
        app.readiness("models", () -> startupLoads.get() == 0);
        app.onStop(this::close);
        // Also on a JVM exit without app.stop() (tests, System.exit): ONNX Runtime's native
        // teardown must not run while a warm-up or a batch is still inside it, or it crashes.
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private final Thread shutdownHook = new Thread(this::close, "barista-models-shutdown");

    /** The app's registry; made, and its model directory scanned, on first use. */
    public static Models of(Barista app) {
        return app.service(Models.class, a -> {
            Models m = new Models(a);
            m.directory.start(ModelDirectory.interval(a.config().property("barista.models.watch", "2s")));
            return m;
        });
    }

    /** Who may call this registry's models ({@code barista.models.access}). */
    public ModelAccess access() {
        return access;
    }

    /** The model directory this registry serves ({@code barista.models.dir}, default {@code models}). */
    public Path directory() {
        return directory.root();
    }

    // ---------------------------------------------------------------- use

    /**
     * A handle to the model {@code name}. It need not exist yet: the name is looked up on each
     * call, so the handle follows loads and swaps.
     */
    public Model model(String name) {
        return new Model(this, name);
    }

    /** Every model name known, sorted. */
    public List<String> names() {
        return entries.keySet().stream().sorted().toList();
    }

    /** Every version of {@code name}, oldest first; empty if the model is unknown. */
    public List<ModelVersion> versions(String name) {
        Entry e = entries.get(name);
        return e == null ? List.of() : List.copyOf(e.versions.values());
    }

    /** The version serving {@code name} now, or {@code null} if none is ready (or no such model). */
    public ModelVersion serving(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.serving;
    }

    /** The pinned version of {@code name}, or {@code null} when it follows the latest. */
    public String pinned(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.pinned;
    }

    /** Whether every load begun at start-up has finished, successfully or not. */
    public boolean startupComplete() {
        return startupLoads.get() == 0;
    }

    /**
     * The version a request for {@code name} (and {@code version}, or null for the serving one)
     * runs on. Throws the 404 or 503 that answers a request for something that cannot serve.
     */
    public ModelVersion resolve(String name, String version) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new ModelNotFoundException("no model named " + name + "; models: " + names());
        }
        if (version == null) {
            ModelVersion v = e.serving;
            if (v == null) {
                throw new ModelUnavailableException("model " + name + " has no version ready: " + describe(e));
            }
            return v;
        }
        ModelVersion v = e.versions.get(version);
        if (v == null) {
            throw new ModelNotFoundException("model " + name + " has no version " + version + "; versions: "
                    + e.versions.keySet());
        }
        if (v.state() != ModelState.READY) {
            throw new ModelUnavailableException("model " + name + " version " + version + " is "
                    + v.state().name().toLowerCase(java.util.Locale.ROOT) + (v.error() == null ? "" : ": " + v.error()));
        }
        return v;
    }

    private static String describe(Entry e) {
        List<String> parts = new ArrayList<>();
        for (ModelVersion v : e.versions.values()) {
            parts.add("v" + v.version() + " " + v.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (v.error() == null ? "" : " (" + v.error() + ")"));
        }
        return parts.isEmpty() ? "no versions" : String.join(", ", parts);
    }

    /** Checks, queues and returns the prediction; the future fails with the HTTP answer. */
    CompletableFuture<Prediction> predict(String name, String version, Map<String, Tensor> inputs, long timeoutNanos,
                                          Caller caller) {
        return predict(resolve(name, version), inputs, timeoutNanos, version == null, caller);
    }

    /**
     * Runs {@code v} (from {@link #resolve}) on named inputs, batched with other requests.
     * Inputs that do not fit throw a 422 at once; {@code timeoutNanos} of 0 uses the model's
     * timeout, and a longer one is cut to it (a client may only shorten its wait). If {@code v}
     * was the serving version and a swap retired it between resolving and queueing, the
     * request goes to the version serving now instead of failing.
     */
    public CompletableFuture<Prediction> predict(ModelVersion v, Map<String, Tensor> inputs, long timeoutNanos) {
        return predict(v, inputs, timeoutNanos, false, Caller.internal());
    }

    /**
     * As {@link #predict(ModelVersion, Map, long)}; {@code followServing} when the caller asked
     * for no version. Unless the model's log setting leaves it out, the future completes only
     * once the prediction is committed to the {@link PredictionLog} under {@code caller}, and
     * fails with a 503 if it can't be. A logged prediction completes on a virtual thread of its
     * own, so what the caller chains on it (even a wait for another prediction) never holds up
     * the log's one writer thread; an unlogged one completes on the model's worker, after the
     * log entries of its batch are queued.
     */
    public CompletableFuture<Prediction> predict(ModelVersion v, Map<String, Tensor> inputs, long timeoutNanos,
                                                 boolean followServing, Caller caller) {
        return run(v, inputs, timeoutNanos, followServing, caller, Function.identity(), false);
    }

    /**
     * As {@link #predict(ModelVersion, Map, long, boolean, Caller)}, answering with
     * {@code reply} applied to the prediction: the model routes' way to make their HTTP reply on
     * the model's worker as soon as the rows come back, before the log commit. The future then
     * completes on the log's writer thread, without a hand-off, so chain only the hand-over of
     * the reply to it: the writer is the log's serial stage, and whatever runs there delays
     * every request behind it. If {@code reply} throws, the prediction is not logged and the
     * future fails with what it threw.
     */
    public <T> CompletableFuture<T> predict(ModelVersion v, Map<String, Tensor> inputs, long timeoutNanos,
                                            boolean followServing, Caller caller, Function<Prediction, T> reply) {
        return run(v, inputs, timeoutNanos, followServing, caller, reply, true);
    }

    /** {@code onWriter}: whether a logged prediction's future may complete on the log's writer thread. */
    private <T> CompletableFuture<T> run(ModelVersion v, Map<String, Tensor> inputs, long timeoutNanos,
                                         boolean followServing, Caller caller, Function<Prediction, T> reply,
                                         boolean onWriter) {
        long started = System.nanoTime();
        Batcher b = v.batcher();
        if (followServing && (b == null || b.closing())) {
            v = resolve(v.model(), null); // swapped since it was resolved
            b = v.batcher();
        }
        if (b == null) {
            throw new ModelUnavailableException("model " + v.model() + " version " + v.version() + " is not ready");
        }
        String name = v.model();
        ModelMetrics m = metricsOf(v);
        int rows;
        try {
            rows = InputCheck.rows(name, v, inputs);
        } catch (RuntimeException bad) {
            if (m != null) {
                m.invalid();
            }
            throw bad;
        }
        long limit = b.policy().timeout().toNanos();
        long timeout = timeoutNanos > 0 ? Math.min(timeoutNanos, limit) : limit;
        CompletableFuture<Map<String, Tensor>> out = new CompletableFuture<>();
        String version = v.version();
        List<String> labels = v.config().labels();
        CompletableFuture<T> done;
        if (log != null && log.shouldLog(v.config().log())) {
            done = out.thenCompose(o -> {
                Prediction p = new Prediction(name, version, o, labels);
                T answer = reply.apply(p);
                CompletableFuture<Prediction> logged = log.record(caller.requestId(), caller.principal(),
                        (System.nanoTime() - started) / 1000, inputs, p);
                return onWriter ? logged.thenApply(x -> answer) : logged.thenApplyAsync(x -> answer, AFTER_COMMIT);
            });
        } else {
            done = out.thenApply(o -> reply.apply(new Prediction(name, version, o, labels)));
        }
        if (m != null) {
            done.whenComplete((p, failure) -> m.answered(System.nanoTime() - started));
        }
        CompletableFuture<T> result = done;
        if (log != null) {
            // A batch's answers are handed out while its log entries are held back for one commit
            // (PredictionLog.together); the caller's own continuations (an unlogged or failed
            // prediction's) run after that, so one that waits for a logged prediction can't hang.
            CompletableFuture<T> answered = new CompletableFuture<>();
            done.whenComplete((value, failure) -> log.afterHold(() -> {
                if (failure == null) {
                    answered.complete(value);
                } else {
                    answered.completeExceptionally(failure);
                }
            }));
            result = answered;
        }
        // last, after every continuation: a batch that runs before submit returns still runs
        // them in its hand-out, so their log entries share its commit
        b.submit(inputs, rows, timeout, out);
        return result;
    }

    // ---------------------------------------------------------------- change

    /**
     * Loads (or reloads) a version from an ONNX file and waits until it is ready or failed. On
     * success it serves unless another version is pinned or higher; on failure whatever served
     * before still serves, and the exception says why.
     */
    public ModelVersion load(String name, String version, Path file) {
        return join(loadFromDirectory(name, version, file));
    }

    /** Loads a version from a model's bytes, with a config given in code. */
    public ModelVersion load(String name, String version, byte[] onnx, ModelConfig config) {
        return join(loadLater(name, version, "code", () -> config,
                c -> OnnxRunner.load(onnx, name + " v" + version, c.threads())));
    }

    private static ModelVersion join(CompletableFuture<ModelVersion> f) {
        ModelVersion v = f.join();
        if (v.state() == ModelState.FAILED) {
            throw new ModelLoadException(v.error());
        }
        return v;
    }

    /**
     * Queues a load; the future completes with the version, ready or failed. The config is read
     * once, on the loader, and {@code open} makes the runner with it.
     */
    CompletableFuture<ModelVersion> loadLater(String name, String version, String source, Supplier<ModelConfig> config,
                                              Function<ModelConfig, Runner> open) {
        checkName(name, "model name");
        checkName(version, "version");
        return CompletableFuture.supplyAsync(() -> loadNow(name, version, source, config, open), loader);
    }

    /** Counts a load begun at start-up, so readiness waits for it. */
    void loadAtStartup(String name, String version, Path file) {
        startupLoads.incrementAndGet();
        entries.computeIfAbsent(name, n -> new Entry()); // known now, so each gets its own documented routes
        loadFromDirectory(name, version, file).whenComplete((v, t) -> {
            startupLoads.decrementAndGet();
            if (t != null) {
                LOG.log(System.Logger.Level.ERROR, "loading model " + name + " v" + version + " failed", t);
            }
        });
    }

    /** Loads or reloads a version from the model directory without blocking. */
    CompletableFuture<ModelVersion> loadFromDirectory(String name, String version, Path file) {
        String origin = name + "/" + version + "/" + ModelDirectory.MODEL_FILE;
        Path versionDir = file.getParent();
        Path modelDir = versionDir.getParent();
        return loadLater(name, version, origin, () -> ModelConfig.find(modelDir, versionDir),
                c -> OnnxRunner.load(file, origin, c.threads()));
    }

    private ModelVersion loadNow(String name, String version, String source, Supplier<ModelConfig> configs,
                                 Function<ModelConfig, Runner> open) {
        Entry e = entries.computeIfAbsent(name, n -> new Entry());
        ModelVersion v;
        try {
            v = new ModelVersion(name, version, source, configs.get());
        } catch (Throwable ex) {
            return fail(e, new ModelVersion(name, version, source, ModelConfig.DEFAULT), ex);
        }
        synchronized (e) {
            e.versions.putIfAbsent(version, v); // a reload leaves the old instance listed until it is replaced
            e.loading.put(version, v);
        }
        long t0 = System.nanoTime();
        Runner runner = null;
        Batcher batcher = null;
        try {
            runner = open.apply(v.config());
            v.warming();
            Warmup.run(v, runner, () -> closed);
            ModelMetrics m;
            synchronized (e) {
                // a reload of the same version keeps its meters: they follow whichever instance serves
                m = e.metrics.computeIfAbsent(version, ver -> new ModelMetrics(metrics.registry(), name, ver,
                        () -> queuedIn(e, ver)));
            }
            batcher = new Batcher(name + " v" + version, runner, v.config().batching(), runner.signature().batchable(), m,
                    log == null ? Runnable::run : log::together); // one commit for a batch's log entries
            ModelVersion replaced;
            synchronized (e) {
                if (v.cancelled() || closed || entries.get(name) != e) {
                    throw new IllegalStateException("unloaded while it was loading");
                }
                v.ready(runner, batcher);
                replaced = e.versions.put(version, v);
                e.reselect();
            }
            if (replaced != null && replaced != v) {
                retire(replaced);
            }
            e.loading.remove(version, v);
            LOG.log(System.Logger.Level.INFO, "model {0} v{1} ready in {2} ms ({3})", name, version,
                    (System.nanoTime() - t0) / 1_000_000, runner.signature().inputs());
            return v;
        } catch (Throwable ex) {
            if (batcher != null) {
                batcher.close(); // closes the runner once its (empty) queue is drained
            } else if (runner != null) {
                runner.close();
            }
            e.loading.remove(version, v);
            return fail(e, v, ex);
        }
    }

    private static int queuedIn(Entry e, String version) {
        ModelVersion current = e.versions.get(version);
        return current == null ? 0 : current.queued();
    }

    private ModelVersion fail(Entry e, ModelVersion v, Throwable ex) {
        String reason = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        v.failed(reason);
        synchronized (e) {
            ModelVersion current = e.versions.get(v.version());
            if (!v.cancelled() && (current == null || current == v || current.state() != ModelState.READY)) {
                e.versions.put(v.version(), v); // a new version shows its failure; a serving one stays
            }
            e.lastError = "v" + v.version() + ": " + reason;
            e.reselect();
        }
        LOG.log(System.Logger.Level.WARNING, "model {0} v{1} failed to load; {2}: {3}", v.model(), v.version(),
                e.serving == null ? "it has no version serving" : "v" + e.serving.version() + " keeps serving", reason);
        return v;
    }

    /**
     * Unloads a version: it stops taking requests at once, finishes those it had queued, then
     * frees its memory. If it was serving, the next best ready version takes over. A version
     * still loading is cancelled: the loader frees what it made.
     */
    public void unload(String name, String version) {
        Entry e = entries.get(name);
        ModelVersion v;
        ModelMetrics m;
        if (e == null) {
            throw new ModelNotFoundException("no model named " + name);
        }
        synchronized (e) {
            v = e.versions.remove(version);
            ModelVersion reloading = e.loading.get(version);
            if (reloading != null) {
                reloading.cancel();
            }
            if (v == null) {
                throw new ModelNotFoundException("model " + name + " has no version " + version);
            }
            v.cancel();
            if (version.equals(e.pinned)) {
                e.pinned = null;
            }
            e.reselect();
            m = e.metrics.remove(version);
        }
        CompletableFuture<Void> drained = retire(v);
        if (m != null) {
            drained.whenComplete((x, t) -> m.remove()); // after the drain, so its last requests are counted
        }
        entries.computeIfPresent(name, (k, current) -> current == e && e.versions.isEmpty() ? null : current);
        LOG.log(System.Logger.Level.INFO, "model {0} v{1} unloaded", name, version);
    }

    /**
     * Stops a replaced or unloaded instance: it drains its queue, then closes its runner; the
     * future completes then. An instance without a batcher never got past loading, and its
     * loader closes what it opened.
     */
    private static CompletableFuture<Void> retire(ModelVersion old) {
        old.draining();
        Batcher b = old.batcher();
        return b == null ? CompletableFuture.completedFuture(null) : b.close();
    }

    /**
     * Pins the version that serves {@code name}; {@code null} goes back to the latest ready one.
     * The version must be ready, so a pin never leaves the model without a server.
     */
    public void serve(String name, String version) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new ModelNotFoundException("no model named " + name);
        }
        synchronized (e) {
            if (version != null) {
                ModelVersion v = e.versions.get(version);
                if (v == null) {
                    throw new ModelNotFoundException("model " + name + " has no version " + version);
                }
                if (v.state() != ModelState.READY) {
                    throw new ModelUnavailableException("model " + name + " version " + version + " is not ready ("
                            + v.state().name().toLowerCase(java.util.Locale.ROOT) + "); only a ready version can serve");
                }
            }
            e.pinned = version;
            e.reselect();
        }
    }

    ModelMetrics metricsOf(ModelVersion v) {
        Entry e = entries.get(v.model());
        return e == null ? null : e.metrics.get(v.version());
    }

    /** The last load failure for {@code name}, or {@code null}. */
    public String lastError(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.lastError;
    }

    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyExiting) {
                // the JVM is exiting; the hook runs (or ran) this
            }
        }
        directory.stop();
        loader.shutdownNow();
        try {
            // a load in progress finishes its native calls (warm-up checks closed between runs)
            loader.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<CompletableFuture<Void>> drains = new ArrayList<>();
        for (Entry e : entries.values()) {
            for (ModelVersion v : e.versions.values()) {
                v.cancel();
                v.draining();
                try {
                    if (v.batcher() != null) {
                        drains.add(v.batcher().close());
                    }
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "closing model {0} v{1} failed: {2}", v.model(), v.version(), ex);
                }
            }
        }
        try {
            CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // daemon workers; the process is stopping
        }
    }

    /** Whether {@code s} can name a model or version: one safe path segment, never {@code ..}. */
    public static boolean isValidName(String s) {
        return s != null && !s.isEmpty() && s.length() <= 128 && s.matches("[A-Za-z0-9][A-Za-z0-9._-]*");
    }

    private static void checkName(String s, String what) {
        if (!isValidName(s)) {
            throw new IllegalArgumentException(what + " must be letters, digits, '.', '_' or '-' (at most 128), got '" + s + "'");
        }
    }

    /** Orders versions numerically when both are numbers, else as text. */
    static final Comparator<String> VERSION_ORDER = (a, b) -> {
        boolean na = a.chars().allMatch(Character::isDigit) && a.length() < 19;
        boolean nb = b.chars().allMatch(Character::isDigit) && b.length() < 19;
        if (na && nb) {
            int byNumber = Long.compare(Long.parseLong(a), Long.parseLong(b));
            return byNumber != 0 ? byNumber : a.compareTo(b); // "01" and "1" are two folders
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    };

    /** One model: its versions and which serves. Mutated under its own lock. */
    private static final class Entry {
        final Map<String, ModelVersion> versions = new java.util.concurrent.ConcurrentSkipListMap<>(VERSION_ORDER);
        final Map<String, ModelMetrics> metrics = new ConcurrentHashMap<>();
        final Map<String, ModelVersion> loading = new ConcurrentHashMap<>();
        volatile String pinned;
        volatile ModelVersion serving;
        volatile String lastError;

        void reselect() {
            ModelVersion best = null;
            if (pinned != null) {
                ModelVersion p = versions.get(pinned);
                if (p != null && p.state() == ModelState.READY) {
                    best = p;
                }
            }
            if (best == null) {
                for (ModelVersion v : versions.values()) {
                    if (v.state() == ModelState.READY) {
                        best = v; // ascending order: the last ready one is the highest
                    }
                }
            }
            serving = best;
        }
    }
}
