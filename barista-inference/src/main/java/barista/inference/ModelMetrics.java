package barista.inference;

import barista.inference.batching.BatchObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One model version's meters, exported at {@code /metrics}: requests by outcome, time waiting
 * for a batch, time per inference call, rows per batch, and the queue's depth. Tagged with
 * {@code model} and {@code version}; kept across reloads of the same version, removed when
 * the version is unloaded.
 *
 * <p>Threading: Micrometer meters are thread-safe; called from batcher workers and request threads.
 */
final class ModelMetrics implements BatchObserver {
    private final MeterRegistry registry;
    private final String model;
    private final String version;
    private final Timer queueWait;
    private final Timer inference;
    private final Timer latency;
    private final DistributionSummary batchRows;
    private final Counter ok;
    private final Counter failed;
    private final ConcurrentHashMap<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final List<Meter> meters = new ArrayList<>();

    /** {@code queued} reads the queue of whichever instance of the version serves now. */
    ModelMetrics(MeterRegistry registry, String model, String version, IntSupplier queued) {
        this.registry = registry;
        this.model = model;
        this.version = version;
        this.queueWait = add(Timer.builder("barista.model.queue")
                .description("Time a request waited for its batch to start")
                .tags("model", model, "version", version).publishPercentileHistogram().register(registry));
        this.inference = add(Timer.builder("barista.model.inference")
                .description("Time one inference call (one batch) took")
                .tags("model", model, "version", version).publishPercentileHistogram().register(registry));
        this.latency = add(Timer.builder("barista.model.latency")
                .description("Time from a request reaching the model to its answer being ready: queue, inference and the"
                        + " prediction log's commit")
                .tags("model", model, "version", version).publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofNanos(50_000)).register(registry));
        this.batchRows = add(DistributionSummary.builder("barista.model.batch.size").baseUnit("rows")
                .description("Rows per inference call")
                .tags("model", model, "version", version)
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512).register(registry));
        this.ok = outcome("ok");
        this.failed = outcome("error");
        // strongly: Micrometer holds a gauge's object weakly, and nothing else holds this lambda,
        // so after a garbage collection the gauge read NaN
        add(Gauge.builder("barista.model.queue.depth", queued, IntSupplier::getAsInt)
                .description("Requests waiting for a batch").tags("model", model, "version", version)
                .strongReference(true).register(registry));
    }

    private <M extends Meter> M add(M meter) {
        synchronized (meters) {
            meters.add(meter);
        }
        return meter;
    }

    private Counter outcome(String outcome) {
        return outcomes.computeIfAbsent(outcome, o -> add(Counter.builder("barista.model.requests")
                .description("Prediction requests by outcome: ok, error, invalid, queue_full, deadline, closed")
                .tags("model", model, "version", version, "outcome", o).register(registry)));
    }

    /** A request refused before queueing because its inputs did not fit. */
    /** One request answered (successfully or not) {@code nanos} after it reached the model. */
    void answered(long nanos) {
        latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void invalid() {
        outcome("invalid").increment();
    }

    @Override
    public void dequeued(long waitNanos) {
        queueWait.record(waitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void ran(int requests, int rows, long nanos, boolean error) {
        inference.record(nanos, TimeUnit.NANOSECONDS);
        batchRows.record(rows);
        (error ? failed : ok).increment(requests);
    }

    @Override
    public void rejected(String reason) {
        outcome(reason).increment();
    }

    /** Removes this version's meters from the registry. */
    void remove() {
        synchronized (meters) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}
