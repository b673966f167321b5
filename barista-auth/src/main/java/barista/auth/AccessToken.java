package barista.auth;

/**
 * A signed JWT from {@link Tokens#issue}, sent as {@code Authorization: Bearer <token>}.
 *
 * @param token            the compact JWT
 * @param expiresInSeconds its lifetime
 */
public record AccessToken(String token, long expiresInSeconds) {
    /** Never prints the token. */
    @Override
    public String toString() {
        return "AccessToken[token=***, expiresInSeconds=" + expiresInSeconds + "]";
    }
}
