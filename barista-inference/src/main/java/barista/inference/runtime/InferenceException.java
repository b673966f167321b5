package barista.inference.runtime;

import barista.BaristaException;

/** The runtime failed while running a batch: a server error, answered 500 to that batch only. */
public final class InferenceException extends BaristaException {
    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }

    public InferenceException(String message) {
        super(message);
    }
}
