package barista.admin;

import barista.Barista;
import barista.Context;
import barista.Handler;
import barista.Response;
import barista.access.Principal;
import barista.access.Requirement;
import barista.http.HttpError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Declares the admin's routes behind its sign-in and permission checks. A page asked for by
 * nobody signed in answers 303 to {@code /admin/login?next=...}; a principal without the page's
 * permission gets a 403 page. The checks run in the handler rather than as route requirements
 * because a browser needs a redirect and a page, not a 401 problem document.
 *
 * <p>A {@code POST} from a session without its CSRF token never gets here: the access control
 * answers 403 when the principal is asked for. Pages and forms are for browser sessions only: a
 * request signed in with an API key or bearer token gets a 403 problem. Downloads
 * ({@link #download}) and the pages' JSON ({@link #data}) take those too.
 *
 * <p>Threading: the handlers run on the request's virtual thread.
 */
final class Guard {
    /** A page's handler, given the signed-in visit. */
    @FunctionalInterface
    interface PageHandler {
        Object handle(Visit visit) throws Exception;
    }

    private final Function<Context, String> csrf;
    private final Layout layout;

    /** @param csrf this request's session CSRF token, from the access control's sessions */
    Guard(Function<Context, String> csrf, Layout layout) {
        this.csrf = csrf;
        this.layout = layout;
    }

    /** A page; {@code permission} null means any staff user ({@link Permissions#staff}). */
    void get(Barista app, String path, String permission, PageHandler handler) {
        app.get(path, guarded(permission, true, handler)).hidden();
    }

    /** A form's target; it should answer with a redirect (POST-redirect-GET). */
    void post(Barista app, String path, String permission, PageHandler handler) {
        app.post(path, guarded(permission, false, handler)).hidden();
    }

    /**
     * A file to download (the log's CSV export): a page for a browser session, and also open to
     * an API key or bearer token with the permission, so a script can fetch it with {@code curl}.
     * Such a request gets 401 and 403 problems, not the sign-in page, and so does a request with
     * no credentials that isn't a browser's (its {@code Accept} doesn't name HTML, and it isn't a
     * {@code Sec-Fetch-Mode: navigate}): a script that forgot its key must fail, not save the
     * sign-in redirect's empty body as the file.
     */
    void download(Barista app, String path, String permission, PageHandler handler) {
        Objects.requireNonNull(permission, "a download names the permission a script's key needs");
        Handler page = guarded(permission, true, handler);
        app.get(path, ctx -> {
            String authorization = ctx.header("Authorization");
            boolean script = ctx.header("X-API-Key") != null
                    || authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            String accept = ctx.header("Accept");
            boolean browser = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html")
                    || "navigate".equalsIgnoreCase(ctx.header("Sec-Fetch-Mode"));
            if (!script && (browser || principal(ctx).authenticated())) {
                return page.handle(ctx);
            }
            // nobody, or a bad key or token, is a 401 here
            ctx.require(Requirement.permission(permission));
            return handler.handle(new Visit(ctx, ctx.principal(), null));
        }).hidden();
    }

    /** Data for a page's script: 401 rather than a redirect when nobody is signed in. */
    void data(Barista app, String path, String permission, PageHandler handler) {
        app.get(path, ctx -> {
            Principal p = ctx.principal();
            if (!p.authenticated()) {
                throw new HttpError.Unauthorized("sign in at /admin/login");
            }
            Visit v = new Visit(ctx, p, null);
            if (!v.may(permission)) {
                throw new HttpError.Forbidden("needs permission "
                        + (permission == null ? "one of " + String.join(", ", Permissions.STAFF) : permission));
            }
            return handler.handle(v);
        }).hidden();
    }

    private Handler guarded(String permission, boolean page, PageHandler handler) {
        return ctx -> {
            Principal p = principal(ctx);
            if (!p.authenticated()) {
                String next = page ? ctx.path() + query(ctx) : "/admin";
                return redirect("/admin/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            }
            String token = csrf.apply(ctx);
            if (token == null) {
                // an API key or bearer token: no session, so no CSRF token for the page's forms
                throw new HttpError.Forbidden("the admin pages need a browser session; sign in at /admin/login");
            }
            Visit v = new Visit(ctx, p, token);
            if (!v.may(permission)) {
                return layout.page(v, 403, "Not allowed", null, pg -> pg
                        .el("p", permission == null
                                ? "Your account (" + p.name() + ") may not use the admin: that needs one of "
                                        + String.join(", ", Permissions.STAFF) + "."
                                : "Your account (" + p.name() + ") does not have the permission this page needs: "
                                        + permission + ".")
                        .el("p", "Ask an administrator to add it to one of your roles."));
            }
            return handler.handle(v);
        };
    }

    /** The request's principal; a session that expired or was revoked is nobody. */
    static Principal principal(barista.Context ctx) {
        try {
            return ctx.principal();
        } catch (HttpError.Unauthorized stale) {
            return Principal.anonymous(); // an expired or revoked session signs in again
        }
    }

    /** A 303 See Other to a local path: where every form's POST ends. */
    static Response redirect(String location) {
        return new Response(303, null, null, Map.of("Location", location, "Cache-Control", "no-store"));
    }

    /** A page that answers a refusal, with the refusal's {@code Retry-After} when it has one (a throttled form). */
    static Response withRetryAfter(Response page, HttpError refusal) {
        String retry = refusal.headers().get("Retry-After");
        return retry == null ? page : page.withHeader("Retry-After", retry);
    }

    private static String query(Context ctx) {
        Map<String, List<String>> q = ctx.queryParams();
        if (q.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            for (String value : e.getValue()) {
                sb.append(sb.isEmpty() ? '?' : '&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    /**
     * {@code next} if it is a path inside the admin ({@code /admin}, {@code /admin/...},
     * {@code /admin?...}), else {@code /admin}: a sign-in link can't send anyone off-site.
     */
    static String localNext(String next) {
        if (next == null || !next.startsWith("/admin")) {
            return "/admin";
        }
        if (next.length() > 6 && "/?#".indexOf(next.charAt(6)) < 0) {
            return "/admin"; // /administrator, /admin.evil
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return "/admin";
            }
        }
        String lower = next.toLowerCase(java.util.Locale.ROOT);
        if (next.contains("//") || next.contains("/..") || lower.contains("%2e") || lower.contains("%2f")
                || lower.contains("%5c") || next.length() > 2000) {
            return "/admin";
        }
        return next;
    }
}
