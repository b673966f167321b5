package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NpyRoundTripTest {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("barista.inference.tensor.Samples#everyDTypeAndShape")
    void every_dtype_and_shape_reads_back_equal(DType dtype, long[] shape) {
        Tensor t = Samples.random(dtype, shape, new Random(dtype.ordinal() * 31L + shape.length));

        byte[] file = Npy.write(t);

        assertThat(Npy.read(file)).isEqualTo(t);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("barista.inference.tensor.Samples#everyDTypeAndShape")
    void data_starts_on_a_64_byte_boundary_after_a_newline(DType dtype, long[] shape) {
        Tensor t = Samples.random(dtype, shape, new Random(7));

        byte[] file = Npy.write(t);

        int dataStart = file.length - t.data().length;
        assertThat(dataStart % 64).isZero();
        assertThat(file[dataStart - 1]).isEqualTo((byte) '\n');
        assertThat(file[6]).isEqualTo((byte) 1);
    }

    @Test
    void a_header_too_long_for_version_1_is_written_as_version_2() {
        long[] shape = new long[30_000];
        Arrays.fill(shape, 1);
        Tensor t = Tensor.zeros(DType.INT32, shape);

        byte[] file = Npy.write(t);

        assertThat(file[6]).isEqualTo((byte) 2);
        int headerLength = file[8] & 0xff | (file[9] & 0xff) << 8 | (file[10] & 0xff) << 16;
        assertThat(12 + headerLength).isEqualTo(file.length - 4).satisfies(n -> assertThat(n % 64).isZero());
    }
}
