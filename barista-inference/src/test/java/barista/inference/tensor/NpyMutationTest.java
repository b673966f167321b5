package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random damage to valid files: whatever {@link Npy#read} makes of it, the result is a valid
 * tensor or a {@link TensorFormatException}, never another exception. A failure prints its seed;
 * {@code -Dnpy.mutation.seeds=100000} runs more than the default 300.
 */
class NpyMutationTest {
    /** Characters that move a header parser into its corners. */
    private static final String HEADER_CHARS = "{}()[],:'\" \n\t0123456789-+LTFNe.x\\";

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("npy.mutation.seeds", 300));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutated_files_give_a_tensor_or_a_format_error(long seed) {
        Random r = new Random(seed);
        DType dtype = DType.values()[r.nextInt(DType.values().length)];
        long[] shape = Samples.SHAPES.get(r.nextInt(Samples.SHAPES.size()));
        byte[] file = mutate(Npy.write(Samples.random(dtype, shape, r)), r);

        try {
            Tensor t = Npy.read(file);
            assertThat((long) t.data().length).as("seed %d", seed).isEqualTo(t.count() * t.dtype().bytes());
        } catch (TensorFormatException e) {
            assertThat(e.getMessage()).as("seed %d", seed).isNotBlank().doesNotContain("\n");
        } catch (RuntimeException e) {
            fail("seed " + seed + " threw " + e, e);
        }
    }

    private static byte[] mutate(byte[] file, Random r) {
        byte[] out = file;
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = r.nextInt(out.length);
            // the header, where the interesting parsing is, spans bytes 10 to ~128
            int headerAt = 10 + r.nextInt(Math.min(118, out.length - 10));
            out = switch (r.nextInt(6)) {
                case 0 -> set(out, at, (byte) r.nextInt());
                case 1 -> set(out, headerAt, (byte) HEADER_CHARS.charAt(r.nextInt(HEADER_CHARS.length())));
                case 2 -> set(out, 8 + r.nextInt(2), (byte) r.nextInt());
                case 3 -> remove(out, headerAt);
                case 4 -> insert(out, headerAt, (byte) HEADER_CHARS.charAt(r.nextInt(HEADER_CHARS.length())));
                default -> Arrays.copyOf(out, r.nextInt(out.length + 8));
            };
            if (out.length <= 10) {
                return out;
            }
        }
        return out;
    }

    private static byte[] set(byte[] b, int at, byte v) {
        byte[] out = b.clone();
        out[at] = v;
        return out;
    }

    private static byte[] remove(byte[] b, int at) {
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte v) {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = v;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }
}
