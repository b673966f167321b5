package barista.health;

import barista.Barista;
import barista.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The app's health as Kubernetes probes see it. {@code /healthz} (liveness) answers 200 while
 * the process can serve at all. {@code /readyz} answers 200 only after start-up, while every
 * readiness check passes, and not once shutdown began, so a load balancer drains the node
 * before its socket closes.
 *
 * <p>Threading: checks may be added before start; the state flips are volatile writes.
 */
public final class Health {
    private final CopyOnWriteArrayList<Check> checks = new CopyOnWriteArrayList<>();
    private volatile Phase phase = Phase.STARTING;

    private enum Phase { STARTING, SERVING, STOPPING }

    private record Check(String name, BooleanSupplier test) {
    }

    /** What {@code /readyz} answers with. */
    public record Readiness(String status, Map<String, String> checks) {
    }

    public void add(String name, BooleanSupplier check) {
        checks.add(new Check(name, check));
    }

    public void started() {
        phase = Phase.SERVING;
    }

    public void stopping() {
        phase = Phase.STOPPING;
    }

    /** Declares {@code /healthz} and {@code /readyz} on the app, hidden from the API docs. */
    public void install(Barista app) {
        app.get("/healthz", ctx -> Map.of("status", "ok")).hidden().onEventLoop();
        app.get("/readyz", ctx -> readiness()).hidden();
    }

    private Response readiness() {
        Map<String, String> results = new LinkedHashMap<>();
        boolean ready = phase == Phase.SERVING;
        for (Check c : checks) {
            boolean ok;
            try {
                ok = c.test().getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            results.put(c.name(), ok ? "up" : "down");
            ready &= ok;
        }
        String status = switch (phase) {
            case STARTING -> "starting";
            case STOPPING -> "stopping";
            case SERVING -> ready ? "ready" : "not_ready";
        };
        return new Response(ready ? 200 : 503, new Readiness(status, results), null, Map.of());
    }
}
