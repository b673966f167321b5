package barista.auth;

import barista.Config;
import barista.SetupException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How {@link Auth} behaves, read from the app's properties by {@link #fromConfig}.
 *
 * @param sessionIdle     a session unused this long ends ({@code barista.auth.session-idle}, default 2h)
 * @param sessionMax      a session ends this long after login, however active
 *                        ({@code barista.auth.session-max}, default 12h)
 * @param cookieSecure    whether the session cookie is marked {@code Secure}
 *                        ({@code barista.auth.cookie-secure}, default true; browsers accept Secure
 *                        cookies from {@code http://localhost})
 * @param tokenTtl        lifetime of a JWT from {@code POST /auth/token} ({@code barista.auth.token-ttl}, default 15m)
 * @param jwtSecret       HS256 key ({@code barista.auth.jwt-secret}, at least 32 bytes), or null to
 *                        use one generated once and kept in the database, shared by every node
 * @param refresh         how often this node re-reads users, keys and sessions that other nodes
 *                        changed ({@code barista.auth.refresh}, default 5s)
 * @param clientIpHeader  a header holding the client's address, set by a proxy you trust (such as
 *                        {@code X-Real-IP}), for the per-address login throttle; of a list such as
 *                        {@code X-Forwarded-For} the last address counts, the one the nearest proxy
 *                        added (behind two proxies, name the header the outer one sets instead)
 *                        ({@code barista.auth.client-ip-header}; default none: the peer address counts)
 */
public record AuthSettings(Duration sessionIdle, Duration sessionMax, boolean cookieSecure, Duration tokenTtl,
                           byte[] jwtSecret, Duration refresh, String clientIpHeader) {

    /** The fewest bytes an HS256 key may have (RFC 7518 section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    public AuthSettings {
        positive("barista.auth.session-idle", sessionIdle);
        positive("barista.auth.session-max", sessionMax);
        positive("barista.auth.token-ttl", tokenTtl);
        positive("barista.auth.refresh", refresh);
        if (jwtSecret != null && jwtSecret.length < MIN_SECRET_BYTES) {
            throw new SetupException("barista.auth.jwt-secret must be at least " + MIN_SECRET_BYTES
                    + " bytes, got " + jwtSecret.length);
        }
        jwtSecret = jwtSecret == null ? null : jwtSecret.clone();
    }

    /** The settings in an app's properties. */
    public static AuthSettings fromConfig(Config config) {
        String secret = config.property("barista.auth.jwt-secret", null);
        String ipHeader = config.property("barista.auth.client-ip-header", null);
        return new AuthSettings(
                config.duration("barista.auth.session-idle", Duration.ofHours(2)),
                config.duration("barista.auth.session-max", Duration.ofHours(12)),
                config.flag("barista.auth.cookie-secure", true),
                config.duration("barista.auth.token-ttl", Duration.ofMinutes(15)),
                secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8),
                config.duration("barista.auth.refresh", Duration.ofSeconds(5)),
                ipHeader == null || ipHeader.isBlank() ? null : ipHeader.trim());
    }

    @Override
    public byte[] jwtSecret() {
        return jwtSecret == null ? null : jwtSecret.clone();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "AuthSettings[sessionIdle=" + sessionIdle + ", sessionMax=" + sessionMax + ", cookieSecure="
                + cookieSecure + ", tokenTtl=" + tokenTtl + ", jwtSecret=" + (jwtSecret == null ? "generated" : "***")
                + ", refresh=" + refresh + ", clientIpHeader=" + clientIpHeader + "]";
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new SetupException(name + " must be positive, got " + d);
        }
    }
}
