package barista.auth;

import barista.Context;
import barista.access.Principal;
import barista.http.HttpError;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Browser sign-in: server-side sessions in the {@value #COOKIE} cookie (HttpOnly, SameSite=Lax,
 * Secure unless {@code barista.auth.cookie-secure=false}, Path=/), with a CSRF token per session
 * that unsafe requests must echo in header {@value #CSRF_HEADER} or form field
 * {@value #CSRF_FIELD}. A session ends {@code barista.auth.session-idle} after its last request or
 * {@code barista.auth.session-max} after login. The id is 32 random bytes; only its SHA-256 is
 * stored, so a leaked table doesn't sign anyone in.
 *
 * <p>Threading: thread-safe. {@link #login} and {@link #logout} block (Argon2, the database) and run
 * on a handler's virtual thread; {@link #authenticate} and {@link #csrfToken} read memory only and
 * may run on an event loop.
 */
public final class Sessions {
    public static final String COOKIE = "barista_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Directory directory;
    private final PasswordCheck passwords;
    private final AuthSettings settings;

    Sessions(Directory directory, PasswordCheck passwords, AuthSettings settings) {
        this.directory = directory;
        this.passwords = passwords;
        this.settings = settings;
    }

    /**
     * Checks the password and starts a session with a new id (any session the request came with
     * is deleted, so a planted id never becomes signed in), setting the cookie on {@code ctx}.
     *
     * <p>A browser's cross-site request ({@code Sec-Fetch-Site: cross-site}) is refused before the
     * password is looked at: otherwise another site's self-submitting form could sign the browser in
     * to an account of the attacker's choosing (login CSRF), since a form post is a top-level
     * navigation whose answer may set a {@code SameSite=Lax} cookie. Clients that aren't browsers
     * don't send the header.
     *
     * @throws HttpError 401 "invalid username or password" for any mismatch; 429 when throttled; 403
     *                   for a cross-site request
     */
    public Session login(Context ctx, String username, String password) {
        return login(ctx, username, password, user -> true);
    }

    /**
     * {@link #login} for a part of the app that only some users may sign in to, such as the admin
     * (staff): a user whose principal {@code allowed} refuses gets the same 401 as a wrong
     * password, after the same hash check, and counts as a failure for the throttle, so neither
     * the answer nor its timing tells that the password was right.
     */
    public Session login(Context ctx, String username, String password, Predicate<? super Principal> allowed) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && site.trim().equalsIgnoreCase("cross-site")) {
            throw new HttpError.Forbidden("cross-site sign-in refused");
        }
        return start(ctx, passwords.check(ctx, username, password,
                user -> allowed.test(directory.principal(user, Credential.SESSION, null))));
    }

    /** Starts a session for a user whose password was just checked; see {@link #login}. */
    Session start(Context ctx, Directory.UserEntry user) {
        String id = Secrets.token(32);
        String idHash = Secrets.sha256Hex(id);
        String csrf = Secrets.token(32);
        long now = System.currentTimeMillis();
        long expires = now + settings.sessionMax().toMillis();
        String previous = ctx.cookie(COOKIE);
        Set<String> changed = previous == null ? Set.of(idHash) : Set.of(idHash, Secrets.sha256Hex(previous));
        directory.writeSessions(changed, () -> {
            directory.db().useTransaction(h -> {
                if (previous != null) {
                    h.createUpdate("DELETE FROM auth_sessions WHERE id_hash = :h")
                            .bind("h", Secrets.sha256Hex(previous)).execute();
                }
                h.createUpdate("INSERT INTO auth_sessions (id_hash, username, csrf_token, created_at, last_seen_at, "
                                + "expires_at) VALUES (:h, :u, :c, :t, :t, :e)")
                        .bind("h", idHash).bind("u", user.username()).bind("c", csrf).bind("t", now)
                        .bind("e", expires).execute();
            });
            if (previous != null) {
                directory.sessions.remove(Secrets.sha256Hex(previous));
            }
            directory.sessions.put(idHash, new Directory.SessionEntry(idHash, user.username(), csrf, now, expires, now));
        });
        ctx.header("Set-Cookie", cookie(id, settings.sessionMax().toSeconds()));
        return new Session(user.username(), csrf, Instant.ofEpochMilli(now), Instant.ofEpochMilli(expires));
    }

    /** Ends the request's session, if any, and clears the cookie. */
    public void logout(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            String idHash = Secrets.sha256Hex(id);
            directory.writeSessions(Set.of(idHash), () -> {
                directory.db().useHandle(h -> h.createUpdate("DELETE FROM auth_sessions WHERE id_hash = :h")
                        .bind("h", idHash).execute());
                directory.sessions.remove(idHash);
            });
        }
        ctx.header("Set-Cookie", cookie("", 0));
    }

    /** The CSRF token of the request's live session, for a form's hidden {@value #CSRF_FIELD} field; null without one. */
    public String csrfToken(Context ctx) {
        Directory.SessionEntry s = live(ctx);
        return s == null ? null : s.csrfToken;
    }

    /**
     * The principal of the request's session, or null without a live one (a stale cookie is no
     * error). For an unsafe method the CSRF token must match.
     *
     * @throws HttpError.Forbidden "CSRF token missing or wrong"
     */
    AuthPrincipal authenticate(Context ctx) {
        Directory.SessionEntry s = live(ctx);
        if (s == null) {
            return null;
        }
        Directory.UserEntry user = directory.user(s.username);
        if (user == null || !user.active()) {
            return null;
        }
        if (UNSAFE.contains(ctx.method().toUpperCase(Locale.ROOT))) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null && isForm(ctx)) {
                sent = ctx.formValue(CSRF_FIELD);
            }
            if (!Secrets.constantTimeEquals(sent, s.csrfToken)) {
                throw new HttpError.Forbidden("CSRF token missing or wrong");
            }
        }
        s.lastSeen = System.currentTimeMillis();
        return directory.principal(user, Credential.SESSION, null);
    }

    private Directory.SessionEntry live(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isEmpty()) {
            return null;
        }
        Directory.SessionEntry s = directory.session(Secrets.sha256Hex(id));
        long now = System.currentTimeMillis();
        if (s == null || s.expiresAt <= now || s.lastSeen + settings.sessionIdle().toMillis() <= now) {
            return null;
        }
        return s;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (settings.cookieSecure() ? "; Secure" : "");
    }
}
