package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Open Inference Protocol's {@code data}: its nesting is ignored, its count must match {@code shape}. */
class JsonFlatDataTest {
    @Test
    void flat_and_nested_data_read_the_same() {
        Tensor expected = Tensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

        assertThat(Samples.readFlat("[1, 2, 3, 4, 5, 6]", DType.FLOAT32, 2, 3)).isEqualTo(expected);
        assertThat(Samples.readFlat("[[1, 2, 3], [4, 5, 6]]", DType.FLOAT32, 2, 3)).isEqualTo(expected);
        assertThat(Samples.readFlat("[[1, 2], [3, [4, 5]], [], 6]", DType.FLOAT32, 2, 3)).isEqualTo(expected);
    }

    @Test
    void a_scalar_shape_takes_one_value_bare_or_in_an_array() {
        assertThat(Samples.readFlat("[7]", DType.INT32).toLongs()).containsExactly(7);
        assertThat(Samples.readFlat("7", DType.INT32).shape()).isEmpty();
    }

    @Test
    void too_few_values_are_counted() {
        assertThatThrownBy(() -> Samples.readFlat("[1, 2, 3, 4, 5, 6]", DType.FLOAT32, 2, 4))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage("x: data has 6 values, shape [2, 4] needs 8");
    }

    @Test
    void too_many_values_stop_at_the_first_extra_one() {
        assertThatThrownBy(() -> Samples.readFlat("[1, 2, 3, 4, 5, 6, 7, 8, 9]", DType.INT8, 2, 4))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage("x[8]: data has more than 8 values, shape [2, 4] needs 8");
        assertThatThrownBy(() -> Samples.readFlat("[1]", DType.INT8, 0, 4))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage("x[0]: data has more than 0 values, shape [0, 4] needs 0");
    }

    @Test
    void a_huge_declared_shape_is_rejected_before_allocating() {
        assertThatThrownBy(() -> Samples.readFlat("[1]", DType.FLOAT64, 9999999999L, 9999999999L))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage("x: shape [9999999999, 9999999999] is too large (more than 16777216 values)");
        assertThatThrownBy(() -> Samples.readFlat("[1]", DType.FLOAT64, Long.MAX_VALUE, Long.MAX_VALUE, 0))
                .isExactlyInstanceOf(TensorFormatException.class);
        assertThatThrownBy(() -> Samples.readFlat("[1]", DType.FLOAT64, 2, -1))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage("x: shape [2, -1] has a negative dimension");
    }

    @Test
    void values_are_checked_as_in_nested_arrays() {
        assertThatThrownBy(() -> Samples.readFlat("[1, 2, null]", DType.INT32, 3))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage("x[2]: expected a number, got null");
    }
}
