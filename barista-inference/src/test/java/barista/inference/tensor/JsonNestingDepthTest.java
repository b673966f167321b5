package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonNestingDepthTest {
    private static String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    @Test
    void thirty_two_levels_are_read() {
        assertThat(Samples.readNested(nested(32), DType.INT8).shape()).hasSize(32);
        assertThat(Samples.readFlat(nested(32), DType.INT8, 1).count()).isEqualTo(1);
    }

    @Test
    void deeper_nesting_is_rejected_at_the_level_it_goes_too_deep() {
        assertThatThrownBy(() -> Samples.readNested(nested(33), DType.INT8))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage("x" + "[0]".repeat(32) + ": arrays are nested deeper than 32 levels");
    }

    @Test
    void a_hostile_depth_stops_early_without_a_stack_overflow() {
        assertThatThrownBy(() -> Samples.readNested("[".repeat(100_000), DType.FLOAT32))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessageEndingWith("arrays are nested deeper than 32 levels");
        assertThatThrownBy(() -> Samples.readFlat("[".repeat(100_000), DType.FLOAT32, 1))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessageEndingWith("arrays are nested deeper than 32 levels");
    }
}
