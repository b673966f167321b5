package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityModelTest {
    private static final long[] SHAPE = {2, 3};

    @TempDir
    Path models;

    /** Two rows of three values of {@code dtype}, and what ONNX Runtime gives back for them. */
    private record Case(OnnxTensor input, Object expected, OnnxJavaType type) {
    }

    private static Case example(String dtype) throws OrtException {
        var env = Ort.ENV;
        return switch (dtype) {
            case "float32" -> {
                float[][] v = {{1.5f, -2f, 3f}, {0f, 0.25f, 7f}};
                yield new Case(OnnxTensor.createTensor(env, v), v, OnnxJavaType.FLOAT);
            }
            case "float64" -> {
                double[][] v = {{1.5, -2, 3e300}, {0, 0.1, 7}};
                yield new Case(OnnxTensor.createTensor(env, v), v, OnnxJavaType.DOUBLE);
            }
            case "float16" -> {
                // 1, 2, -0.5, 0, 65504 (largest half), 0.25
                short[] bits = {0x3C00, 0x4000, (short) 0xB800, 0x0000, 0x7BFF, 0x3400};
                yield new Case(OnnxTensor.createTensor(env, ShortBuffer.wrap(bits), SHAPE, OnnxJavaType.FLOAT16),
                        new float[][] {{1f, 2f, -0.5f}, {0f, 65504f, 0.25f}}, OnnxJavaType.FLOAT16);
            }
            case "int8" -> {
                byte[][] v = {{-128, 0, 127}, {1, 2, 3}};
                yield new Case(OnnxTensor.createTensor(env, v), v, OnnxJavaType.INT8);
            }
            case "int16" -> {
                short[][] v = {{-32768, 0, 32767}, {1, 2, 3}};
                yield new Case(OnnxTensor.createTensor(env, v), v, OnnxJavaType.INT16);
            }
            case "int32" -> {
                int[][] v = {{Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, {1, 2, 3}};
                yield new Case(OnnxTensor.createTensor(env, v), v, OnnxJavaType.INT32);
            }
            case "int64" -> {
                long[][] v = {{Long.MIN_VALUE, 0, Long.MAX_VALUE}, {1, 2, 3}};
                yield new Case(OnnxTensor.createTensor(env, v), v, OnnxJavaType.INT64);
            }
            case "uint8" -> {
                byte[] raw = {0, 1, (byte) 255, 7, (byte) 128, 42};
                yield new Case(OnnxTensor.createTensor(env, ByteBuffer.wrap(raw), SHAPE, OnnxJavaType.UINT8),
                        new byte[][] {{0, 1, (byte) 255}, {7, (byte) 128, 42}}, OnnxJavaType.UINT8);
            }
            case "bool" -> {
                boolean[][] v = {{true, false, true}, {false, false, true}};
                yield new Case(OnnxTensor.createTensor(env, v), v, OnnxJavaType.BOOL);
            }
            case "string" -> {
                String[] flat = {"a", "", "ünïcode", "x", "y", "z"};
                yield new Case(OnnxTensor.createTensor(env, flat, SHAPE),
                        new String[][] {{"a", "", "ünïcode"}, {"x", "y", "z"}}, OnnxJavaType.STRING);
            }
            default -> throw new IllegalArgumentException(dtype);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"float32", "float64", "float16", "int8", "int16", "int32", "int64", "uint8", "bool",
            "string"})
    void identity_model_returns_its_input_unchanged(String dtype) throws Exception {
        Path file = TestModels.writeIdentity(models, "id_" + dtype, dtype);
        Case example = example(dtype);

        try (OrtSession session = Ort.ENV.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = example.input();
             OrtSession.Result result = session.run(Map.of("x", input))) {
            assertThat(session.getInputNames()).containsExactly("x");
            assertThat(session.getOutputNames()).containsExactly("y");
            TensorInfo in = Ort.tensorInfo(session.getInputInfo().get("x"));
            assertThat(in.type).isEqualTo(example.type());
            assertThat(in.getShape()).containsExactly(-1, 3);
            assertThat(in.getDimensionNames()).containsExactly("batch", "");
            assertThat(result.get("y")).get().satisfies(y -> assertThat(y.getValue()).isEqualTo(example.expected()));
        }
    }

    @Test
    void identity_model_is_written_where_asked_without_config() throws Exception {
        Path file = TestModels.writeIdentity(models, "ints", "int64", "3");

        assertThat(file).isEqualTo(models.resolve("ints/3/model.onnx"));
        assertThat(Files.readAllBytes(file)).isEqualTo(TestModels.identityOnnx("int64"));
        assertThat(models.resolve("ints/config.json")).doesNotExist();
    }

    @Test
    void unknown_dtype_is_rejected_with_the_known_ones() {
        assertThatThrownBy(() -> TestModels.identityOnnx("complex64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complex64").hasMessageContaining("float64");
    }
}
