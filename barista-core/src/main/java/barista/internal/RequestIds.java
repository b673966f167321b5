package barista.internal;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: the client's {@code X-Request-Id} when it is short and plain, otherwise a
 * random prefix per process and 64 random bits per request. Random rather than a shared counter,
 * so two event loops never contend for one cache line on every request.
 *
 * <p>Threading: safe from any thread, virtual or not.
 */
final class RequestIds {
    private static final String PREFIX = String.format("%08x", new SecureRandom().nextInt());

    private RequestIds() {
    }

    static String accept(String fromClient) {
        if (fromClient != null && fromClient.length() <= 64 && !fromClient.isEmpty() && plain(fromClient)) {
            return fromClient;
        }
        return PREFIX + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
