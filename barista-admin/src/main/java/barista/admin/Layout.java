package barista.admin;

import barista.Response;
import barista.admin.html.Page;
import java.util.function.Consumer;

/**
 * The frame every admin page shares: head (Pico CSS, uPlot, the admin's own CSS and script), the
 * navigation the principal may use, the sign-out button, and the headers an admin page is sent
 * with.
 *
 * <p>The headers: a {@code Content-Security-Policy} that allows only this server's scripts and
 * styles (hence no inline script anywhere) and no framing, and {@code Cache-Control: no-store},
 * since pages show users, keys and logged inputs. Core adds {@code X-Content-Type-Options},
 * {@code X-Frame-Options} and {@code Referrer-Policy} to every response.
 *
 * <p>Threading: stateless; runs on the request's thread.
 */
final class Layout {
    static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String HTML = "text/html; charset=utf-8";

    /** A navigation entry and the permission it needs ({@code null}: any staff user, {@link Permissions#staff}). */
    private record Link(String href, String label, String permission) {
    }

    private static final Link[] NAV = {
        new Link("/admin", "Dashboard", null),
        new Link("/admin/models", "Models", null),
        new Link("/admin/predictions", "Predictions", Permissions.PREDICTIONS_READ),
        new Link("/admin/users", "Users", Permissions.USERS_MANAGE),
        new Link("/admin/roles", "Roles", Permissions.USERS_MANAGE),
        new Link("/admin/keys", "API keys", Permissions.USERS_MANAGE),
        new Link(PasswordPage.PATH, "Password", null),
    };

    private final Assets assets;
    private final Flash flash;

    Layout(Assets assets, Flash flash) {
        this.assets = assets;
        this.flash = flash;
    }

    /** A page for a signed-in visit; {@code current} is the navigation entry to mark. */
    Response page(Visit v, String title, String current, Consumer<Page> main) {
        return page(v, 200, title, current, main);
    }

    Response page(Visit v, int status, String title, String current, Consumer<Page> main) {
        Page p = new Page(v.csrf());
        head(p, title);
        p.open("header");
        p.open("nav");
        p.open("ul").open("li").el("strong", "Barista admin").close().close();
        p.open("ul");
        for (Link l : NAV) {
            if (v.may(l.permission())) {
                p.open("li").el("a", l.label(), "href", l.href(), "aria-current", l.href().equals(current) ? "page" : null)
                        .close();
            }
        }
        p.open("li").postForm("/admin/logout", "class", "signout")
                .el("button", "Sign out " + v.principal().name(), "type", "submit", "class", "secondary outline")
                .close().close();
        p.close().close().close();
        p.open("main");
        p.el("h1", title);
        Flash.Message done = flash.take(v);
        if (done != null) {
            notice(p, done.text(), done.error());
        }
        main.accept(p);
        p.close();
        return finish(p, status);
    }

    /** A message at the top of a page: an alert for a failure, else a status. */
    static void notice(Page p, String text, boolean error) {
        p.el("p", text, "class", error ? "flash error" : "flash", "role", error ? "alert" : "status");
    }

    /** A page for someone not signed in (the sign-in form): no navigation. */
    Response anonymousPage(String csrf, int status, String title, Consumer<Page> main) {
        Page p = new Page(csrf);
        head(p, title);
        p.open("main", "class", "narrow");
        p.el("h1", title);
        main.accept(p);
        p.close();
        return finish(p, status);
    }

    private void head(Page p, String title) {
        p.open("html", "lang", "en");
        p.open("head");
        p.open("meta", "charset", "utf-8");
        p.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        p.el("title", title + " · Barista admin");
        p.open("link", "rel", "stylesheet", "href", assets.picoCss());
        p.open("link", "rel", "stylesheet", "href", assets.uplotCss());
        p.open("link", "rel", "stylesheet", "href", Assets.ADMIN_CSS);
        p.open("link", "rel", "icon", "href", Assets.FAVICON, "type", "image/svg+xml");
        p.script(assets.uplotJs());
        p.script(Assets.ADMIN_JS);
        p.close();
        p.open("body");
    }

    private static Response finish(Page p, int status) {
        p.close().close(); // body, html
        return new Response(status, p.finish(), HTML, java.util.Map.of(
                "Content-Security-Policy", CSP,
                "Cache-Control", "no-store"));
    }

    /** Orders versions numerically when both are numbers (2 before 10), else as text. */
    static int compareVersions(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit) && a.length() < 18;
        boolean nb = b.chars().allMatch(Character::isDigit) && b.length() < 18;
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }
}
