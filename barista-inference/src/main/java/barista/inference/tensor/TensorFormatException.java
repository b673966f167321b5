package barista.inference.tensor;

/**
 * A tensor in a request could not be decoded: a broken {@code .npy} file, a ragged JSON array, a
 * value out of range for its type. It is always the client's fault, so the HTTP layer answers
 * 4xx with the message, which is one line, names what is wrong and where ({@code
 * inputs.x[1]: expected 4 values like row 0, got 2}), and never contains server details.
 *
 * <p>It extends {@link IllegalArgumentException} rather than {@code BaristaException} because this
 * package depends on nothing but the JDK and Jackson, so the runtime side can use it too.
 */
public final class TensorFormatException extends IllegalArgumentException {
    public TensorFormatException(String message) {
        super(message);
    }
}
