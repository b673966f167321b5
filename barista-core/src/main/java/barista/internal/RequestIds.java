package barista.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids: the client's {@code X-Request-Id} when it is short and plain, otherwise a
 * process-unique id (a random prefix per process and a counter), cheap enough for every request.
 */
final class RequestIds {
    private static final String PREFIX = String.format("%08x", new SecureRandom().nextInt());
    private static final AtomicLong COUNTER = new AtomicLong();

    private RequestIds() {
    }

    static String accept(String fromClient) {
        if (fromClient != null && fromClient.length() <= 64 && !fromClient.isEmpty() && plain(fromClient)) {
            return fromClient;
        }
        return PREFIX + "-" + Long.toHexString(COUNTER.incrementAndGet());
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
