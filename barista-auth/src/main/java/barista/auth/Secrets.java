package barista.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random values this module hands out (session ids, CSRF tokens, API key secrets) and the
 * digests it keeps of them instead. They are 256-bit random, so a fast SHA-256 is the right hash:
 * nothing to brute-force, unlike a password.
 *
 * <p>Threading: stateless apart from the thread-safe {@link SecureRandom}; never blocks once
 * seeded.
 */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    static String token(int bytes) {
        return base64url(random(bytes));
    }

    /** Base64url without padding: the form of every token and stamp this module hands out. */
    static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    /** {@code bytes} random bytes as lower-case hex: ids that never contain {@code _}. */
    static String hexId(int bytes) {
        return HexFormat.of().formatHex(random(bytes));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** Compares in time independent of where the texts differ; null equals nothing. */
    static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
