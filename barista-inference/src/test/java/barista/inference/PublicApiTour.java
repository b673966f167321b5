package barista.inference;

import barista.Barista;
import barista.inference.batching.BatchObserver;
import barista.inference.batching.BatchPolicy;
import barista.inference.batching.Batcher;
import barista.inference.batching.Rejection;
import barista.inference.http.AdminRoutes;
import barista.inference.http.KServeRoutes;
import barista.inference.http.ModelRoutes;
import barista.inference.runtime.OnnxRunner;
import barista.inference.runtime.Runner;
import barista.inference.tensor.DType;
import barista.inference.tensor.Tensor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Compile-only: calls the public API of model serving, so an API break fails the build. */
final class PublicApiTour {
    private PublicApiTour() {
    }

    static void tour(Barista app, Path file, byte[] onnx) {
        Models models = Models.of(app);
        Path dir = models.directory();
        Model iris = models.model("iris");
        CompletableFuture<Prediction> one = iris.predict(Tensor.ofFloats(new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}}));
        CompletableFuture<Prediction> named = iris.predict(Map.of("input", Tensor.zeros(DType.FLOAT32, 1, 4)));
        CompletableFuture<Prediction> versioned = iris.predict("1", Map.of("input", Tensor.zeros(DType.FLOAT32, 1, 4)));
        Signature sig = iris.signature();
        boolean ready = iris.ready() && models.startupComplete();
        ModelVersion v = models.load("iris", "2", file);
        ModelVersion fromCode = models.load("iris", "3", onnx, ModelConfig.DEFAULT.withLabels(List.of("a", "b", "c"))
                .withBatching(BatchPolicy.DEFAULT.withMaxBatchSize(8).withMaxQueueDelay(Duration.ofMillis(1))
                        .withMaxQueue(16).withTimeout(Duration.ofSeconds(2)).withWorkers(1)));
        models.serve("iris", "2");
        models.unload("iris", "3");
        ModelVersion serving = models.serving("iris");
        ModelVersion resolved = models.resolve("iris", null);
        CompletableFuture<Prediction> direct = models.predict(resolved, Map.of(), 0);
        CompletableFuture<Prediction> asCaller = models.predict(resolved, Map.of(), 0, true, Caller.internal());
        CompletableFuture<int[]> replied = models.predict(resolved, Map.of(), 0, true, Caller.internal(), Prediction::classes);
        String report = models.names() + "" + models.versions("iris") + models.pinned("iris") + models.lastError("iris")
                + v.model() + v.version() + v.source() + v.config() + v.state() + v.error() + v.signature()
                + v.sizeBytes() + v.readyAt() + v.queued() + fromCode + serving + dir + sig.inputs() + sig.outputs()
                + sig.input("input") + sig.output("output") + sig.batchable() + ready;
        Prediction p = one.join();
        int[] classes = p.classes();
        List<String> labels = p.classLabels();
        Tensor out = p.output("output");
        int[] argmax = Prediction.argmax(p.output());
        TensorSpec spec = sig.inputs().getFirst();
        String fit = spec.mismatch(out) + spec.describeShape() + spec.batchable();
        ModelConfig config = ModelConfig.read(file.resolveSibling("config.json"));
        ModelConfig found = ModelConfig.find(file.getParent().getParent(), file.getParent());
        Runner runner = OnnxRunner.load(onnx, "iris", 1);
        Batcher batcher = new Batcher("iris", runner, config.batching(), runner.signature().batchable(), BatchObserver.NONE);
        CompletableFuture<Map<String, Tensor>> raw = batcher.submit(Map.of(), 1);
        CompletableFuture<Map<String, Tensor>> rawTimed = batcher.submit(Map.of(), 1, 1_000_000);
        int queued = batcher.queued();
        BatchPolicy policy = batcher.policy();
        batcher.close().join();
        var refusals = List.of(Rejection.queueFull("iris", 1), Rejection.deadline("iris", 1), Rejection.closed("iris"));
        ModelAccess access = ModelAccess.of(app);
        ModelRoutes.install(app, models, access);
        KServeRoutes.install(app, models, access);
        AdminRoutes.install(app, models);
        barista.inference.log.PredictionLog log = barista.inference.log.PredictionLog.of(app);
        barista.inference.http.FeedbackRoutes.install(app, log);
        var query = barista.inference.log.PredictionQuery.all().withModel("m").withVersion("1").withPrincipal("p")
                .withTime(java.time.Instant.EPOCH, java.time.Instant.now()).withText("t").withFeedback(true)
                .withBefore(10L).withLimit(5);
        barista.inference.log.PredictionPage page = log.search(query);
        java.util.Optional<barista.inference.log.LoggedPrediction> byRequest = log.find("id");
        log.writeCsv(query, new java.io.StringWriter());
        barista.inference.log.CsvExport export = log.writeCsv(query, new java.io.StringWriter(), 1000, 1 << 20);
        boolean cut = export.cut() && export.rows() > 0;
        int updated = log.feedback("id", "1", barista.access.Principal.anonymous());
        boolean logs = log.shouldLog(ModelConfig.LogSetting.INHERIT);
        barista.inference.log.LogStats stats = log.stats();
        long counts = stats.entries() + stats.commits() + stats.failed() + stats.backlog();
        CompletableFuture<Prediction> recorded = log.record("id", "p", 1, Map.of(), null);
        Caller caller = Caller.internal();
        CompletableFuture<Prediction> fromCtx = iris.predict((barista.Context) null, Tensor.ofFloats(new float[][] {{1f}}));
        new InferenceExtension().install(app);
        System.out.println(report + classes.length + labels + argmax.length + fit + found + raw + rawTimed + queued
                + policy + refusals + named + versioned + direct + ModelRoutes.TIMEOUT_HEADER);
    }
}
