package barista.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The dashboard's live figures: requests per second and request latency per model over the
 * last five minutes, without touching the prediction log. Once a second it reads the model
 * server's meters ({@code barista.model.requests} by outcome, {@code barista.model.latency}'s
 * histogram buckets) from the app's Micrometer registry and keeps the cumulative values in a ring
 * of {@value #SECONDS} + 1 samples; a rate or a quantile is the difference between two samples.
 *
 * <p>Counts are kept per model version and differenced per version, so a version that is
 * unloaded (its meters removed) makes no negative step; its last requests drop out of the window.
 * Latency is a request's time at the model: waiting for its batch, the inference call, and the
 * prediction log's commit (HTTP parsing and writing are not included).
 *
 * <p>Threading: one daemon thread samples; {@link #snapshot()} runs on request threads. The
 * ring is guarded by its own lock, held only to copy references.
 */
final class LiveStats implements AutoCloseable {
    static final int SECONDS = 300;
    /** The trailing window for each point of the latency series. */
    static final int POINT_WINDOW = 10;

    private final Supplier<MeterRegistry> registry;
    private final Sample[] ring = new Sample[SECONDS + 1];
    private int next;
    private int size;
    private ScheduledExecutorService sampler;

    /** Cumulative figures of one model version at one moment. */
    record Cumulative(double requests, double calls, double[] boundsMillis, double[] counts) {
    }

    /** Every model version's figures at {@code epochMillis}, keyed by {@code model} then {@code version}. */
    record Sample(long epochMillis, Map<String, Map<String, Cumulative>> models) {
    }

    /** One model's figures over the window: a series for the chart and totals for the table. */
    record ModelFigures(String name, List<Double> rate, List<Double> p99Millis, double requestsPerSecond,
                        Double p50Millis, Double p99WindowMillis, long requests) {
    }

    /** What {@code /admin/stats.json} returns: times in epoch seconds, one entry per model. */
    record Snapshot(List<Long> t, List<ModelFigures> models, int windowSeconds) {
    }

    LiveStats(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** Starts sampling once a second on a daemon thread. */
    synchronized void start() {
        if (sampler != null) {
            return;
        }
        sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("barista-admin-stats").factory());
        sampler.scheduleAtFixedRate(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                System.getLogger("barista.admin").log(System.Logger.Level.WARNING, "sampling model meters failed", e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    /** Reads the meters now and adds a sample to the ring. */
    void sample() {
        MeterRegistry r = registry.get();
        Map<String, Map<String, double[]>> requests = new HashMap<>();
        for (Meter m : r.find("barista.model.requests").meters()) {
            if (m instanceof Counter c) {
                String model = m.getId().getTag("model");
                String version = m.getId().getTag("version");
                if (model != null && version != null) {
                    requests.computeIfAbsent(model, k -> new HashMap<>())
                            .computeIfAbsent(version, k -> new double[1])[0] += c.count();
                }
            }
        }
        Map<String, Map<String, Cumulative>> models = new HashMap<>();
        for (Timer t : r.find("barista.model.latency").timers()) {
            String model = t.getId().getTag("model");
            String version = t.getId().getTag("version");
            if (model == null || version == null) {
                continue;
            }
            HistogramSnapshot h = t.takeSnapshot();
            CountAtBucket[] buckets = h.histogramCounts();
            double[] bounds = new double[buckets.length];
            double[] counts = new double[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                bounds[i] = buckets[i].bucket(TimeUnit.MILLISECONDS);
                counts[i] = buckets[i].count();
            }
            double[] req = requests.getOrDefault(model, Map.of()).get(version);
            models.computeIfAbsent(model, k -> new HashMap<>())
                    .put(version, new Cumulative(req == null ? 0 : req[0], h.count(), bounds, counts));
        }
        add(new Sample(System.currentTimeMillis(), models));
    }

    void add(Sample s) {
        synchronized (ring) {
            ring[next] = s;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
        }
    }

    private List<Sample> samples() {
        synchronized (ring) {
            List<Sample> out = new ArrayList<>(size);
            int first = (next - size + ring.length) % ring.length;
            for (int i = 0; i < size; i++) {
                out.add(ring[(first + i) % ring.length]);
            }
            return out;
        }
    }

    /** The figures for the last five minutes (less if sampling began more recently). */
    Snapshot snapshot() {
        List<Sample> s = samples();
        List<Long> times = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        for (int i = 1; i < s.size(); i++) {
            times.add(s.get(i).epochMillis() / 1000);
        }
        for (Sample x : s) {
            names.addAll(x.models().keySet());
        }
        List<ModelFigures> figures = new ArrayList<>();
        for (String name : names) {
            List<Double> rate = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (int i = 1; i < s.size(); i++) {
                Delta step = delta(s.get(i - 1), s.get(i), name);
                double seconds = Math.max(0.001, (s.get(i).epochMillis() - s.get(i - 1).epochMillis()) / 1000.0);
                rate.add(step.requests / seconds);
                p99.add(delta(s.get(Math.max(0, i - POINT_WINDOW)), s.get(i), name).quantile(0.99));
            }
            if (s.size() < 2) {
                figures.add(new ModelFigures(name, rate, p99, 0, null, null, 0));
                continue;
            }
            Sample first = s.getFirst();
            Sample last = s.getLast();
            Delta window = delta(first, last, name);
            double seconds = Math.max(0.001, (last.epochMillis() - first.epochMillis()) / 1000.0);
            figures.add(new ModelFigures(name, rate, p99, window.requests / seconds, window.quantile(0.5),
                    window.quantile(0.99), Math.round(window.requests)));
        }
        int windowSeconds = s.size() < 2 ? 0
                : (int) ((s.getLast().epochMillis() - s.getFirst().epochMillis()) / 1000);
        return new Snapshot(times, figures, windowSeconds);
    }

    /** The change in one model's figures between two samples, summed over its versions. */
    private static Delta delta(Sample from, Sample to, String model) {
        Map<String, Cumulative> before = from.models().getOrDefault(model, Map.of());
        Map<String, Cumulative> after = to.models().getOrDefault(model, Map.of());
        Delta d = new Delta();
        for (Map.Entry<String, Cumulative> e : after.entrySet()) {
            Cumulative a = e.getValue();
            Cumulative b = before.get(e.getKey());
            boolean reset = b == null || a.requests() < b.requests() || a.calls() < b.calls()
                    || b.counts().length != a.counts().length;
            d.requests += reset ? a.requests() : a.requests() - b.requests();
            d.add(a.boundsMillis(), a.counts(), reset ? null : b.counts(), reset ? a.calls() : a.calls() - b.calls());
        }
        return d;
    }

    /** Accumulates request counts and histogram buckets over versions. */
    private static final class Delta {
        double requests;
        double calls;
        double[] bounds;
        double[] counts;

        void add(double[] bounds, double[] after, double[] before, double calls) {
            if (this.bounds == null) {
                this.bounds = bounds;
                this.counts = new double[bounds.length];
            } else if (this.bounds.length != bounds.length) {
                return; // differently configured histograms cannot be merged; keep the first
            }
            for (int i = 0; i < bounds.length; i++) {
                counts[i] += after[i] - (before == null ? 0 : before[i]);
            }
            this.calls += calls;
        }

        /** The {@code q} quantile in ms, interpolated within its bucket; null with no calls. */
        Double quantile(double q) {
            if (bounds == null || calls <= 0) {
                return null;
            }
            double target = q * calls;
            double lowerBound = 0;
            double lowerCount = 0;
            for (int i = 0; i < bounds.length; i++) {
                if (counts[i] >= target) {
                    double inBucket = counts[i] - lowerCount;
                    double fraction = inBucket <= 0 ? 1 : (target - lowerCount) / inBucket;
                    return lowerBound + (bounds[i] - lowerBound) * fraction;
                }
                lowerBound = bounds[i];
                lowerCount = counts[i];
            }
            return bounds.length == 0 ? null : bounds[bounds.length - 1];
        }
    }

    /** The figures as JSON-ready maps, for {@code /admin/stats.json}. */
    static Map<String, Object> json(Snapshot s, Map<String, String> serving) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("windowSeconds", s.windowSeconds());
        out.put("t", s.t());
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelFigures f : s.models()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("serving", serving.get(f.name()));
            m.put("requestsPerSecond", round(f.requestsPerSecond()));
            m.put("p50Millis", f.p50Millis() == null ? null : round(f.p50Millis()));
            m.put("p99Millis", f.p99WindowMillis() == null ? null : round(f.p99WindowMillis()));
            m.put("requests", f.requests());
            m.put("rate", f.rate().stream().map(LiveStats::round).toList());
            m.put("p99", f.p99Millis().stream().map(v -> v == null ? null : round(v)).toList());
            models.add(m);
        }
        out.put("models", models);
        return out;
    }

    static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }
}
