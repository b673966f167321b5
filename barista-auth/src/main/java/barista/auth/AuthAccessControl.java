package barista.auth;

import barista.Context;
import barista.access.Principal;
import barista.spi.AccessControl;
import java.util.Locale;

/**
 * Tells core who sent a request, trying in order: {@code X-API-Key}, {@code Authorization: Bearer}
 * (an API key when it starts with {@code bk_}, else a JWT), then the session cookie. Present but
 * wrong key or token credentials are 401; a stale session cookie is just anonymous. Only
 * cookie-authenticated requests need the CSRF token: a key or token is never sent by a browser on
 * its own.
 *
 * <p>Threading: runs on whatever thread runs the route, the event loop included; reads the
 * in-memory directory and does at most one SHA-256 or HMAC, never blocking.
 */
final class AuthAccessControl implements AccessControl {
    private final ApiKeys keys;
    private final Tokens tokens;
    private final Sessions sessions;

    AuthAccessControl(ApiKeys keys, Tokens tokens, Sessions sessions) {
        this.keys = keys;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public Principal authenticate(Context ctx) {
        String apiKey = ctx.header("X-API-Key");
        if (apiKey != null) {
            return keys.authenticate(apiKey.trim());
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.length() > 7
                && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            String credential = authorization.substring(7).trim();
            return credential.startsWith(ApiKeys.PREFIX) ? keys.authenticate(credential) : tokens.authenticate(credential);
        }
        AuthPrincipal session = sessions.authenticate(ctx);
        return session == null ? Principal.anonymous() : session;
    }

    @Override
    public String toString() {
        return "barista-auth";
    }
}
