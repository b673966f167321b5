package barista.observe;

import barista.Barista;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An app's one meter registry, so every module's meters (the model server's latencies, a
 * handler's counters) end up in the same {@code /metrics} scrape. Get it with
 * {@link #of(Barista)}; write to it with Micrometer's builders, as in Spring Boot:
 *
 * <pre>{@code
 * MeterRegistry registry = Metrics.of(app).registry();
 * Counter predictions = Counter.builder("model.predictions").tag("model", "iris").register(registry);
 * Timer latency = Timer.builder("model.latency").publishPercentileHistogram().register(registry);
 * }</pre>
 *
 * <p>The registry is Prometheus-backed: a timer or distribution summary built with
 * {@code publishPercentileHistogram()} is exported as a Prometheus histogram ({@code _bucket},
 * {@code _count}, {@code _sum}), so quantiles can be aggregated across instances in PromQL;
 * without it, as a summary ({@code _count}, {@code _sum}, {@code _max}). Timers are in seconds.
 * JVM memory, GC, threads, class loading, CPU and uptime meters are bound when the registry is
 * made, in the background; the GC listener is removed when the app stops.
 *
 * <p>Threading: {@link #of} may be called from any thread, before or after start; the registry
 * and its meters are thread-safe, and {@link #scrape()} may run while meters are updated.
 */
public final class Metrics {
    /**
     * Made on a background thread: the registry and the JVM binders take a few hundred ms of
     * class loading on 2 cores, and apps ask for their metrics while declaring routes, on the
     * start-up path. The first {@link #registry()} or scrape waits for it.
     */
    private final CompletableFuture<PrometheusMeterRegistry> registry;

    private Metrics(Barista app) {
        AtomicReference<JvmGcMetrics> gc = new AtomicReference<>();
        registry = CompletableFuture.supplyAsync(() -> {
            PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(r);
            JvmGcMetrics gcMetrics = new JvmGcMetrics();
            gcMetrics.bindTo(r);
            gc.set(gcMetrics);
            new JvmThreadMetrics().bindTo(r);
            new ClassLoaderMetrics().bindTo(r);
            new ProcessorMetrics().bindTo(r);
            new UptimeMetrics().bindTo(r);
            return r;
        }, task -> Thread.ofPlatform().daemon().name("barista-metrics-init").start(task));
        app.onStop(() -> {
            JvmGcMetrics g = gc.get();
            if (g != null) {
                g.close();
            }
        });
    }

    /** The app's metrics, made on first use. */
    public static Metrics of(Barista app) {
        return app.service(Metrics.class, Metrics::new);
    }

    /** Where meters are registered: {@code Counter.builder(...).register(registry())}. */
    public MeterRegistry registry() {
        return registry.join();
    }

    /** Every meter in the Prometheus text format 0.0.4, as {@code /metrics} serves it by default. */
    public String scrape() {
        return registry.join().scrape();
    }

    /** Every meter in {@code format}, encoded in UTF-8. */
    byte[] scrape(ScrapeFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            // The argument is matched like an Accept header to pick a writer; passing our own
            // content type, never the client's header, keeps the binary protobuf format out.
            registry.join().scrape(out, format.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
