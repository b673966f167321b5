package barista.admin;

import barista.Barista;
import barista.Context;
import barista.observe.Metrics;
import java.util.function.Function;

/**
 * Puts the admin on an app: its static files, the live figures' sampler, and each page's
 * routes behind the {@link Guard}. Called by {@link AdminExtension}.
 *
 * <p>Threading: runs once, on the thread that starts the app.
 */
final class Admin {
    private Admin() {
    }

    static void install(Barista app, Function<Context, String> csrf) {
        Assets assets = new Assets(app);
        boolean secureCookies = app.config().flag("barista.auth.cookie-secure", true);
        Flash flash = new Flash(secureCookies);
        Layout layout = new Layout(assets, flash);
        Guard guard = new Guard(csrf, layout);
        LiveStats stats = new LiveStats(() -> Metrics.of(app).registry());
        stats.start();
        app.onStop(stats::close);
        new DashboardPage(app, stats, layout).install(guard);
        new ModelPages(app, layout, flash).install(guard);
        new PredictionPages(app, layout).install(guard);
        new UserPages(app, layout, flash).install(guard);
        new RolePages(app, layout, flash).install(guard);
        new KeyPages(app, layout, flash).install(guard);
        new SignInPages(app, layout, secureCookies).install(guard);
        new PasswordPage(app, layout, flash).install(guard);
    }
}
