package barista.auth;

import barista.http.HttpError;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived bearer tokens for APIs: HS256 JWTs with {@code sub}, {@code roles}, {@code iat},
 * {@code exp}, {@code iss=barista} and {@code pwd}. Only HS256 with this app's key is accepted, so
 * {@code alg: none} and algorithm swaps fail. The {@code roles} claim informs the client; what the
 * bearer may do is read from the user's current roles, and a disabled user's tokens stop working.
 *
 * <p>{@code pwd} ties a token to the password it was issued under, as Django's session auth hash
 * does for sessions: it is an HMAC of the user's password hash under this app's key, so it tells
 * the bearer nothing, and once the password changes every token issued before stops working
 * (on this node at once, on others after their next refresh), instead of living out its
 * {@code exp} in the hands of whoever stole it.
 *
 * <p>Threading: thread-safe; {@link #authenticate} does one HMAC from memory and may run on an
 * event loop.
 */
public final class Tokens {
    /** The {@code iss} claim of every token this module issues and accepts. */
    public static final String ISSUER = "barista";
    private static final String PASSWORD_CLAIM = "pwd";
    private static final int MAX_STAMPS = 10_000;

    private final Directory directory;
    private final MACSigner signer;
    private final JWSVerifier verifier;
    private final Duration ttl;
    private final SecretKeySpec stampKey;
    /** Password hash to its stamp: an HMAC per request would cost as much again as the signature check. */
    private final Map<String, String> stamps = new ConcurrentHashMap<>();

    Tokens(Directory directory, byte[] secret, Duration ttl) {
        this.directory = directory;
        this.ttl = ttl;
        this.stampKey = new SecretKeySpec(secret, "HmacSHA256");
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 key rejected: " + e.getMessage(), e);
        }
    }

    /**
     * A token for an active user, valid for {@code barista.auth.token-ttl}. Check the password
     * first; this only signs.
     *
     * @throws HttpError.NotFound if there is no such active user
     */
    public AccessToken issue(String username) {
        Directory.UserEntry user = directory.user(username);
        if (user == null || !user.active()) {
            throw new HttpError.NotFound("no such user");
        }
        long now = System.currentTimeMillis() / 1000 * 1000;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(username)
                .issuer(ISSUER)
                .claim("roles", List.copyOf(user.roles()))
                .claim(PASSWORD_CLAIM, stamp(user.passwordHash()))
                .issueTime(new Date(now))
                .expirationTime(new Date(now + ttl.toMillis()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
        return new AccessToken(jwt.serialize(), ttl.toSeconds());
    }

    /**
     * The principal for a presented token.
     *
     * @throws HttpError.Unauthorized "invalid token" if it is malformed, not HS256, badly signed,
     *                                from another issuer or for no active user; "token expired" past {@code exp}
     */
    AuthPrincipal authenticate(String token) {
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw invalid("invalid token");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw invalid("invalid token");
        }
        Date exp = claims.getExpirationTime();
        if (!ISSUER.equals(claims.getIssuer()) || exp == null || claims.getSubject() == null) {
            throw invalid("invalid token");
        }
        if (!exp.after(new Date())) {
            throw invalid("token expired");
        }
        Directory.UserEntry user = directory.user(claims.getSubject());
        if (user == null || !user.active()
                || !Secrets.constantTimeEquals(stringClaim(claims, PASSWORD_CLAIM), stamp(user.passwordHash()))) {
            throw invalid("invalid token");
        }
        return directory.principal(user, Credential.TOKEN, null);
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s ? s : null;
    }

    /** The {@code pwd} claim for a password hash: 128 bits of HMAC-SHA256 under the app's key. */
    private String stamp(String passwordHash) {
        if (stamps.size() >= MAX_STAMPS) {
            stamps.clear(); // old hashes of changed passwords; the live ones come straight back
        }
        return stamps.computeIfAbsent(passwordHash, hash -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(stampKey);
                byte[] full = mac.doFinal(("barista token password " + hash).getBytes(StandardCharsets.UTF_8));
                return Secrets.base64url(Arrays.copyOf(full, 16));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JVM has HmacSHA256", e);
            }
        });
    }

    private static HttpError invalid(String detail) {
        return new HttpError(401, detail, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }
}
