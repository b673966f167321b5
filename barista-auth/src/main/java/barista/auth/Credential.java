package barista.auth;

/** How a request proved who sent it. */
public enum Credential {
    /** The {@code barista_session} cookie set at login; unsafe methods also need the CSRF token. */
    SESSION,
    /** An API key, {@code bk_<id>_<secret>}, in {@code Authorization: Bearer} or {@code X-API-Key}. */
    API_KEY,
    /** A JWT from {@code POST /auth/token} in {@code Authorization: Bearer}. */
    TOKEN
}
