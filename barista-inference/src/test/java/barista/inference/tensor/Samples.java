package barista.inference.tensor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Tensors, {@code .npy} files and JSON texts that the tensor tests share. */
final class Samples {
    static final JsonFactory JSON = new JsonFactory();

    /** Scalar, empty, 1-d, 0-size in each position, 2-d, 3-d and 4-d. */
    static final List<long[]> SHAPES = List.of(
            new long[] {}, new long[] {0}, new long[] {5}, new long[] {2, 0}, new long[] {0, 3},
            new long[] {2, 3}, new long[] {2, 3, 4}, new long[] {1, 1, 1, 1});

    private Samples() {
    }

    static Stream<Arguments> everyDTypeAndShape() {
        return Stream.of(DType.values()).flatMap(d -> SHAPES.stream().map(s -> Arguments.of(d, s)));
    }

    /** Random finite values that cover each type's extremes, -0.0 and subnormals. */
    static Tensor random(DType dtype, long[] shape, Random r) {
        int n = Math.toIntExact(Tensor.count(shape));
        ByteBuffer b = ByteBuffer.allocate(n * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(8);
            switch (dtype) {
                case FLOAT32 -> b.putFloat(switch (pick) {
                    case 0 -> Float.MAX_VALUE;
                    case 1 -> -Float.MIN_VALUE;
                    case 2 -> -0.0f;
                    case 3 -> Float.intBitsToFloat(1 + r.nextInt(0x7fffff));
                    default -> (float) (r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
                });
                case FLOAT64 -> b.putDouble(switch (pick) {
                    case 0 -> -Double.MAX_VALUE;
                    case 1 -> Double.MIN_VALUE;
                    case 2 -> 0.1;
                    default -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
                });
                case INT8, UINT8 -> b.put((byte) r.nextInt());
                case INT16 -> b.putShort(pick == 0 ? Short.MIN_VALUE : (short) r.nextInt());
                case INT32 -> b.putInt(pick == 0 ? Integer.MIN_VALUE : r.nextInt());
                case INT64 -> b.putLong(pick == 0 ? Long.MIN_VALUE : pick == 1 ? Long.MAX_VALUE : r.nextLong());
                case BOOL -> b.put((byte) r.nextInt(2));
            }
        }
        return new Tensor(dtype, shape.clone(), b.array());
    }

    /** A {@code .npy} file with this version and header text, padded like numpy pads. */
    static byte[] npy(int major, String header, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static Tensor readNested(String json, DType dtype) {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return JsonTensors.readNested(p, dtype, "x");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Tensor readFlat(String json, DType dtype, long... shape) {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return JsonTensors.readFlat(p, dtype, shape, "x");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String writeNested(Tensor t) {
        return write(g -> JsonTensors.writeNested(t, g));
    }

    static String writeFlat(Tensor t) {
        return write(g -> JsonTensors.writeFlat(t, g));
    }

    private interface Writing {
        void to(JsonGenerator g) throws IOException;
    }

    private static String write(Writing w) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            w.to(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code "2 3"} as {@code {2, 3}}; blank or null is {@code {}}. */
    static long[] longs(String s) {
        return s == null || s.isBlank() ? new long[0]
                : Arrays.stream(s.trim().split(" +")).mapToLong(Long::parseLong).toArray();
    }
}
