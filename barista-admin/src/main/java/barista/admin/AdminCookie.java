package barista.admin;

/**
 * A cookie the admin keeps for itself between two of its own pages (the sign-in form's token, a
 * form's message for the page it redirects to): HttpOnly, SameSite=Strict, on one path, and
 * Secure unless {@code barista.auth.cookie-secure=false}, like the session's.
 *
 * @param name   the cookie's name
 * @param path   the path it is sent back on
 * @param secure whether browsers may send it back over HTTPS only
 */
record AdminCookie(String name, String path, boolean secure) {
    /** The {@code Set-Cookie} value that sets it to {@code value} for {@code maxAgeSeconds}. */
    String set(String value, int maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that deletes it. */
    String clear() {
        return set("", 0);
    }
}
