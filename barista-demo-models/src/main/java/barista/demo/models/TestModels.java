package barista.demo.models;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Tiny hand-built models for tests of a model server: one per input dtype, one with two inputs,
 * and a file that is not a model at all. Nothing here is trained. Each {@code write...} method
 * writes {@code <dir>/<name>/<version>/model.onnx} (version {@code "1"} unless given) and no
 * {@code config.json}, and returns the model file's path.
 */
public final class TestModels {
    /** Width of the second dimension of every test-model tensor. */
    public static final int WIDTH = 3;
    /** Width of the two-input model's tensors. */
    public static final int TWO_INPUTS_WIDTH = 2;

    private TestModels() {
    }

    /** Bytes that no ONNX runtime accepts as a model (not even a protobuf message). */
    public static byte[] corruptOnnx() {
        return "this is not an ONNX model\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static Path writeCorrupt(Path dir, String name) {
        return ModelDirectory.write(dir, name, "1", corruptOnnx(), null);
    }

    /**
     * {@code y = Identity(x)}, {@code x} and {@code y} of {@code dtype} {@code [batch, 3]}.
     *
     * @param dtype one of {@code float32, float64, float16, int8, int16, int32, int64, uint8, bool,
     *              string}
     * @throws IllegalArgumentException for another dtype
     */
    public static byte[] identityOnnx(String dtype) {
        return OnnxModelWriter.identity("identity_" + dtype, dtype, WIDTH);
    }

    public static Path writeIdentity(Path dir, String name, String dtype) {
        return writeIdentity(dir, name, dtype, "1");
    }

    public static Path writeIdentity(Path dir, String name, String dtype, String version) {
        return ModelDirectory.write(dir, name, version, identityOnnx(dtype), null);
    }

    /** {@code sum = Add(a, b)}, all float32 {@code [batch, 2]}. */
    public static byte[] twoInputsOnnx() {
        return OnnxModelWriter.add("two_inputs", TWO_INPUTS_WIDTH);
    }

    public static Path writeTwoInputs(Path dir, String name) {
        return writeTwoInputs(dir, name, "1");
    }

    public static Path writeTwoInputs(Path dir, String name, String version) {
        return ModelDirectory.write(dir, name, version, twoInputsOnnx(), null);
    }
}
