package barista.admin;

import barista.Context;
import barista.Response;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a form's action says on the page it redirects to ("Created user carol."), as Django's
 * messages and Flask's {@code flash} do: the message rides in a short-lived cookie that only this
 * server sets, and the next admin page shows it once and clears it. Carried in the redirect's
 * query string instead, anyone could send an admin a link that announces what never happened.
 *
 * <p>Threading: stateless.
 */
final class Flash {
    static final String COOKIE = "barista_flash";
    /** Long enough to follow the redirect on a slow link, short enough not to surface days later. */
    private static final int MAX_AGE_SECONDS = 60;

    private final boolean secureCookie;

    Flash(boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    /** A message the next page shows; {@code error} marks a failure (an alert, not a status). */
    record Message(String text, boolean error) {
    }

    /** A 303 to {@code location}, whose page opens with {@code text}. */
    Response redirect(String location, String text) {
        return redirect(location, new Message(text, false));
    }

    /** A 303 to {@code location}, whose page opens with {@code message}. */
    Response redirect(String location, Message message) {
        String value = (message.error() ? "e" : "s") + URLEncoder.encode(message.text(), StandardCharsets.UTF_8);
        return new Response(303, null, null, Map.of("Location", location, "Cache-Control", "no-store",
                "Set-Cookie", cookie(value, MAX_AGE_SECONDS)));
    }

    /** The message this request brought, or null; if there was one, the answer clears it. */
    Message take(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.isEmpty()) {
            return null;
        }
        ctx.header("Set-Cookie", cookie("", 0));
        try {
            return new Message(URLDecoder.decode(value.substring(1), StandardCharsets.UTF_8), value.charAt(0) == 'e');
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private String cookie(String value, int maxAge) {
        return COOKIE + "=" + value + "; Path=/admin; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : "");
    }
}
