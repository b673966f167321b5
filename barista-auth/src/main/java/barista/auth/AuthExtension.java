package barista.auth;

import barista.Barista;
import barista.data.Database;
import barista.spi.Extension;

/**
 * Turns auth on for every app with this module on its class path, found by
 * {@link java.util.ServiceLoader}: {@link Auth#of(Barista)}, which installs the access control and
 * the {@code /auth} routes. {@code barista.auth.enabled=false} leaves the app without either.
 *
 * <p>Threading: {@link #install} runs once on the starting thread and blocks on the database.
 */
public final class AuthExtension implements Extension {
    /** The property that turns auth off when {@code false}. */
    public static final String ENABLED = "barista.auth.enabled";

    @Override
    public void install(Barista app) {
        if (app.config().flag(ENABLED, true)) {
            Auth.of(app);
        }
    }

    /** The database classes, and the Argon2 dummy hash an unknown user's login is checked against (~80 ms). */
    @Override
    public void warmUp() {
        Database.warmUp();
        Passwords.warmUp();
    }
}
