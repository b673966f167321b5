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
}
