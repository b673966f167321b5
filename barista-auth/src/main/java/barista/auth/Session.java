package barista.auth;

import java.time.Instant;

/**
 * A signed-in browser session, as {@link Sessions#login} returns it. The session id itself lives
 * only in the cookie; the database keeps its SHA-256.
 *
 * @param username  who signed in
 * @param csrfToken to send with unsafe requests, in header {@code X-CSRF-Token} or form field {@code _csrf}
 * @param createdAt when they signed in
 * @param expiresAt the latest it ends, however active (it ends sooner after the idle timeout)
 */
public record Session(String username, String csrfToken, Instant createdAt, Instant expiresAt) {
}
