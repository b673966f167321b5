package barista.admin;

import barista.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a form's action says on the page it redirects to ("Created user carol."), as Django's
 * messages and Flask's {@code flash} do. Carried in the redirect's query string, anyone could
 * send an admin a link that announces what never happened; so the message rides in a
 * short-lived cookie instead, signed with the session's CSRF token, a secret only the server and
 * that session's pages know. A cookie planted by a sibling subdomain or left by another user's
 * session on the same browser fails the check and is not shown.
 *
 * <p>Threading: stateless.
 */
final class Flash {
    static final String COOKIE = "barista_flash";
    /** Long enough to follow the redirect on a slow link, short enough not to surface later. */
    private static final int MAX_AGE_SECONDS = 60;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final AdminCookie cookie;

    Flash(boolean secureCookie) {
        this.cookie = new AdminCookie(COOKIE, "/admin", secureCookie);
    }

    /** A message the next page shows; {@code error} marks a failure (an alert, not a status). */
    record Message(String text, boolean error) {
    }

    /** A 303 to {@code location}, whose page opens with {@code text} for this visit's session. */
    Response redirect(Visit v, String location, String text) {
        return redirect(v.csrf(), location, new Message(text, false));
    }

    /** A 303 to {@code location}, whose page opens with {@code message} for this visit's session. */
    Response redirect(Visit v, String location, Message message) {
        return redirect(v.csrf(), location, message);
    }

    /**
     * As {@link #redirect(Visit, String, Message)}, for the session whose CSRF token is
     * {@code csrf}: the one a password change has just started, say. Without a session there is
     * no key, and the redirect carries no message.
     */
    Response redirect(String csrf, String location, Message message) {
        if (csrf == null) {
            return Guard.redirect(location);
        }
        String body = (message.error() ? "e" : "s") + ENCODE.encodeToString(message.text().getBytes(StandardCharsets.UTF_8));
        return Guard.redirect(location).withHeader("Set-Cookie", cookie.set(body + "." + mac(csrf, body), MAX_AGE_SECONDS));
    }

    /** The message left for this visit's session, or null; if a cookie came, the answer clears it. */
    Message take(Visit v) {
        String value = v.ctx().cookie(COOKIE);
        if (value == null || value.isEmpty()) {
            return null;
        }
        v.ctx().header("Set-Cookie", cookie.clear());
        int dot = value.indexOf('.');
        if (v.csrf() == null || dot < 2 || (value.charAt(0) != 's' && value.charAt(0) != 'e')) {
            return null;
        }
        String body = value.substring(0, dot);
        if (!MessageDigest.isEqual(mac(v.csrf(), body).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return new Message(new String(DECODE.decode(body.substring(1)), StandardCharsets.UTF_8), body.charAt(0) == 'e');
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String mac(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return ENCODE.encodeToString(mac.doFinal(("barista-flash:" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
