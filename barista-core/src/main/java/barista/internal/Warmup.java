package barista.internal;

import barista.binding.Violations;
import barista.json.Json;
import barista.spi.Engine;
import barista.spi.Extension;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the slow, independent initialisations (Hibernate Validator's factory, Jackson's
 * mapper, the engine's classes, the extensions' own: a database driver, Flyway) on background threads as soon as an app is created, so they
 * overlap with each other and with route declaration instead of adding up. Measured on 2
 * cores: about 420, 270 and 450 ms, each mostly class loading. Once per JVM.
 */
public final class Warmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Warmup() {
    }

    private static void warmUp(Engine engine) {
        try {
            engine.warmUp();
        } catch (RuntimeException e) {
            // only an optimisation: the real start reports any real problem
        }
    }

    /**
     * Starts SLF4J, when the app has it (the database's pool, Flyway and JDBI log through it),
     * here on the caller's thread before any other: SLF4J started by one thread while another
     * logs hands that one a stand-in logger, and then prints a "calls ... are now being
     * replayed" notice to stderr, which a warm-up thread and the main one opening the database
     * did about one start in seven. Reflection, because the core doesn't depend on SLF4J.
     */
    private static void startSlf4j() {
        try {
            Class.forName("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        } catch (ReflectiveOperationException | LinkageError absent) {
            // no SLF4J on the class path: nothing to start
        }
    }

    /** Idempotent; the threads are daemons, and class initialisation makes waiters safe. */
    public static void begin() {
        if (STARTED.compareAndSet(false, true)) {
            startSlf4j();
            Thread.ofPlatform().daemon().name("barista-warmup-validation").start(Violations::validator);
            Thread.ofPlatform().daemon().name("barista-warmup-json").start(Json::mapper);
            Thread.ofPlatform().daemon().name("barista-warmup-engine").start(() ->
                    ServiceLoader.load(Engine.class).findFirst().ifPresent(Warmup::warmUp));
            Thread.ofPlatform().daemon().name("barista-warmup-extensions").start(() -> {
                for (Extension e : ServiceLoader.load(Extension.class)) {
                    try {
                        e.warmUp();
                    } catch (RuntimeException | LinkageError ignored) {
                        // only an optimisation
                    }
                }
            });
        }
    }
}
