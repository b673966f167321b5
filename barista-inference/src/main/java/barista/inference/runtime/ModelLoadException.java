package barista.inference.runtime;

import barista.BaristaException;

/**
 * A model file could not be loaded: missing, corrupt, or using what this runtime lacks. The
 * message names the file and ONNX Runtime's reason; the registry keeps serving what it had.
 */
public final class ModelLoadException extends BaristaException {
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelLoadException(String message) {
        super(message);
    }
}
