package barista;

/**
 * The one root of every exception Barista throws, so callers can catch "anything from the
 * framework" in one clause. Unchecked, like everything in the public API.
 */
public class BaristaException extends RuntimeException {
    public BaristaException(String message) {
        super(message);
    }

    public BaristaException(String message, Throwable cause) {
        super(message, cause);
    }
}
