package barista.spi;

import barista.Context;
import barista.access.Principal;

/**
 * Tells who sent a request, from its session cookie, API key or bearer token. The
 * {@code barista-auth} module is one; an app has at most one, set with
 * {@link barista.Barista#accessControl(AccessControl)}.
 *
 * <p>Threading: called on whichever thread runs the route, which for model endpoints is the
 * event loop, so implementations must answer from memory (cached keys and sessions, token
 * signatures) and never block on IO.
 */
public interface AccessControl {
    /**
     * The request's principal: {@link Principal#anonymous()} when it carries no credentials.
     * Credentials that are present but wrong (a tampered token, a revoked or expired key) throw
     * {@link barista.http.HttpError.Unauthorized}; a cookie-authenticated unsafe request without
     * its CSRF token throws {@link barista.http.HttpError.Forbidden}.
     */
    Principal authenticate(Context ctx);
}
