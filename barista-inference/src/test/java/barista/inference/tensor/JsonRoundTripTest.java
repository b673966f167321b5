package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonRoundTripTest {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("barista.inference.tensor.Samples#everyDTypeAndShape")
    void flat_data_with_its_shape_reads_back_equal(DType dtype, long[] shape) {
        Tensor t = Samples.random(dtype, shape, new Random(dtype.ordinal() * 17L + shape.length));

        assertThat(Samples.readFlat(Samples.writeFlat(t), dtype, shape)).isEqualTo(t);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("barista.inference.tensor.Samples#everyDTypeAndShape")
    void nested_arrays_read_back_equal_unless_a_zero_dimension_comes_first(DType dtype, long[] shape) {
        Tensor t = Samples.random(dtype, shape, new Random(dtype.ordinal() * 13L + shape.length));

        Tensor back = Samples.readNested(Samples.writeNested(t), dtype);

        if (shape.length > 1 && shape[0] == 0) {
            assertThat(back.shape()).containsExactly(0);
            assertThat(back.data()).isEmpty();
        } else {
            assertThat(back).isEqualTo(t);
        }
    }

    @Test
    void floats_are_written_in_the_shortest_form_that_reads_back_the_same() {
        Tensor t = Tensor.ofFloats(new float[] {0.1f, 1f / 3, 5.1f, -0.0f, 1e-45f, 3.4028235e38f}, 6);

        assertThat(Samples.writeFlat(t)).isEqualTo("[0.1,0.33333334,5.1,-0.0,1.4E-45,3.4028235E38]");
    }

    @Test
    void whole_numbers_are_written_as_java_writes_them() {
        float[] values = {0f, 1f, 3f, 16f, 255f, 1023f, 1024f, -1f, -1024f, 9_999_999f, 1e7f, 16_777_216f, -0.0f,
                0.5f, Float.NaN, Float.POSITIVE_INFINITY};
        double[] doubles = new double[values.length + 2];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        doubles[values.length] = 9_999_999.0;
        doubles[values.length + 1] = -2_147_483_648.0;

        assertThat(Samples.writeFlat(Tensor.ofFloats(values, values.length))).isEqualTo(expected(values.length,
                i -> Float.isFinite(values[i]) ? Float.toString(values[i]) : '"' + Float.toString(values[i]) + '"'));
        assertThat(Samples.writeFlat(Tensor.ofDoubles(doubles, doubles.length))).isEqualTo(expected(doubles.length,
                i -> Double.isFinite(doubles[i]) ? Double.toString(doubles[i]) : '"' + Double.toString(doubles[i]) + '"'));
    }

    private static String expected(int n, IntFunction<String> value) {
        return IntStream.range(0, n).mapToObj(value).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void each_type_writes_its_own_json_form() {
        assertThat(Samples.writeNested(Tensor.ofInts(new int[] {1, -2, 3, 4}, 2, 2))).isEqualTo("[[1,-2],[3,4]]");
        assertThat(Samples.writeNested(new Tensor(DType.UINT8, new long[] {2}, new byte[] {(byte) 255, 0}))).isEqualTo("[255,0]");
        assertThat(Samples.writeNested(new Tensor(DType.BOOL, new long[] {2}, new byte[] {1, 0}))).isEqualTo("[true,false]");
        assertThat(Samples.writeNested(Tensor.ofDoubles(new double[] {2.5}))).isEqualTo("2.5");
        assertThat(Samples.writeNested(Tensor.zeros(DType.INT64, 2, 0))).isEqualTo("[[],[]]");
    }

    @Test
    void a_typical_request_reads_into_rows() {
        Tensor t = Samples.readNested("[[5.1, 3.5, 1.4, 0.2], [6.2, 2.9, 4.3, 1.3]]", DType.FLOAT32);

        assertThat(t).isEqualTo(Tensor.ofFloats(new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}, {6.2f, 2.9f, 4.3f, 1.3f}}));
    }
}
