package barista.admin;

import barista.Barista;
import barista.Context;
import barista.Response;
import barista.auth.Auth;
import barista.http.HttpError;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Signing in and out: {@code GET /admin/login} shows the form, {@code POST /admin/login} checks
 * the password through {@code barista-auth}'s sessions and redirects to {@code next} (a path
 * inside the admin, else {@code /admin}); {@code POST /admin/logout} ends the session.
 *
 * <p>Before sign-in there is no session, so the sign-in form carries its own CSRF token: a
 * random value set in a {@code SameSite=Strict}, {@code HttpOnly} cookie scoped to
 * {@code /admin/login} and repeated in the form's {@code _csrf} field; the post must bring both,
 * equal (a double-submit token), so another site can't sign a browser in to an account of its
 * choosing. A wrong user name, a wrong password and a user who isn't staff ({@link Permissions#staff})
 * get the same message; too many failures get the access control's 429 with its {@code Retry-After}.
 *
 * <p>Threading: virtual threads; the password check blocks for its hash (tens of ms).
 */
final class SignInPages {
    static final String LOGIN_COOKIE = "barista_admin_login";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String NO_HTTPS = "Your browser sent back no sign-in cookie: this server's cookies are Secure, "
            + "and browsers keep those only over HTTPS (and on localhost). Open the admin over https://, or, on a "
            + "network you trust, set barista.auth.cookie-secure=false.";

    private final Barista app;
    private final Layout layout;
    private final AdminCookie loginCookie;

    SignInPages(Barista app, Layout layout, boolean secureCookie) {
        this.app = app;
        this.layout = layout;
        this.loginCookie = new AdminCookie(LOGIN_COOKIE, "/admin/login", secureCookie);
    }

    void install(Guard guard) {
        app.get("/admin/login", ctx -> {
            if (ctx.principal().authenticated()) {
                return Guard.redirect(Guard.localNext(ctx.query("next")));
            }
            return form(ctx, 200, null, null);
        }).hidden();
        app.post("/admin/login", this::login).hidden();
        // Any session may sign out here, staff or not: the 403 page a non-staff session gets has the button.
        app.post("/admin/logout", ctx -> {
            Guard.principal(ctx); // a session's post without its CSRF token is refused here, 403
            Auth.of(app).sessions().logout(ctx);
            return Guard.redirect("/admin/login");
        }).hidden();
    }

    private Object login(Context ctx) {
        String cookie = ctx.cookie(LOGIN_COOKIE);
        String sent = ctx.formValue("_csrf");
        String username = ctx.formValue("username");
        if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            return form(ctx, 403, cookie == null && cookiesNeedHttps(ctx) ? NO_HTTPS
                    : "The sign-in form expired. Please try again.", username);
        }
        String next = Guard.localNext(ctx.formValue("next"));
        try {
            Auth.of(app).sessions().login(ctx, username == null ? "" : username,
                    ctx.formValue("password") == null ? "" : ctx.formValue("password"), Permissions::staff);
        } catch (HttpError e) {
            if (e.status() == 429) {
                return Guard.withRetryAfter(form(ctx, 429, "Too many failed sign-ins. Wait a little and try again.",
                        username), e);
            }
            if (e.status() == 401 || e.status() == 422) {
                return form(ctx, 200, "Wrong user name or password, or the account may not use the admin.", username);
            }
            throw e;
        }
        ctx.header("Set-Cookie", loginCookie.clear());
        return Guard.redirect(next);
    }

    private Response form(Context ctx, int status, String error, String username) {
        String token = token();
        String next = Guard.localNext(ctx.formValue("next") != null ? ctx.formValue("next") : ctx.query("next"));
        Response page = layout.anonymousPage(token, status, "Sign in", p -> {
            if (error != null) {
                Layout.notice(p, error, true);
            }
            p.postForm("/admin/login");
            p.hidden("next", next);
            p.open("label").text("User name")
                    .open("input", "name", "username", "autocomplete", "username", "required", "",
                            "autofocus", "", "value", username)
                    .close();
            p.open("label").text("Password")
                    .open("input", "name", "password", "type", "password", "autocomplete", "current-password",
                            "required", "")
                    .close();
            p.el("button", "Sign in", "type", "submit");
            p.close();
        });
        return page.withHeader("Set-Cookie", loginCookie.set(token, 3600));
    }

    /**
     * Whether a missing cookie is most likely a {@code Secure} one the browser dropped: the app
     * marks cookies Secure, and the browser says (in the form post's {@code Origin}) that the page
     * was on plain HTTP at a name other than localhost, where browsers keep Secure cookies anyway.
     * Without this, a first run on a server's address answered "the form expired" to every try.
     */
    private boolean cookiesNeedHttps(Context ctx) {
        String origin = ctx.header("Origin");
        if (!loginCookie.secure() || origin == null || !origin.toLowerCase(java.util.Locale.ROOT).startsWith("http://")) {
            return false;
        }
        String host = origin.substring("http://".length()).replaceFirst(":[0-9]+$", "").toLowerCase(java.util.Locale.ROOT);
        return !(host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
