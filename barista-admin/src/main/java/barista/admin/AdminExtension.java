package barista.admin;

import barista.Barista;
import barista.auth.Auth;
import barista.spi.Extension;

/**
 * Puts the admin UI at {@code /admin} on every app with this module on its class path, found by
 * {@link java.util.ServiceLoader}. {@code barista.admin.enabled=false} leaves it off. The admin
 * signs people in through {@code barista-auth}, so it turns auth on for the app
 * ({@link Auth#of}), which opens the app's database.
 *
 * <p>Threading: {@link #install} runs once, on the starting thread, and blocks on the database.
 */
public final class AdminExtension implements Extension {
    /** The property that turns the admin off when {@code false}. */
    public static final String ENABLED = "barista.admin.enabled";

    @Override
    public void install(Barista app) {
        if (!app.config().flag(ENABLED, true)) {
            return;
        }
        Auth auth = Auth.of(app);
        Admin.install(app, ctx -> auth.sessions().csrfToken(ctx));
    }
}
