package barista;

/**
 * A developer mistake found while the app is put together (a duplicate route, a path variable
 * with no record component, an unsupported parameter type). It stops start-up and names the
 * route, so the mistake never reaches a client.
 */
public final class SetupException extends BaristaException {
    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
