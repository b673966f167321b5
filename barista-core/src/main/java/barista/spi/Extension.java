package barista.spi;

import barista.Barista;

/**
 * A module that adds routes or behaviour to every app it is on the class path of (the OpenAPI
 * docs, for one). Found with {@link java.util.ServiceLoader} when the app starts, after the
 * user's routes are declared, so an extension can read them.
 */
public interface Extension {
    /** Adds this extension's routes to the app. Runs once, on the starting thread. */
    void install(Barista app);

    /**
     * Loads and initialises the classes {@link #install} will need (a database driver, a
     * migration tool), on a background thread as soon as the first app is created, so that work
     * overlaps with route declaration and the engine's own warm-up instead of adding to the
     * start. It must open no connection and keep no thread or file open. Optional; failures are
     * ignored, because the real install reports any real problem.
     */
    default void warmUp() {
    }
}
