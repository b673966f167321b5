package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BundledDataTest {
    @Test
    void iris_has_150_rows_of_4_measurements_and_50_of_each_species() {
        float[][] x = DemoModels.irisFeatures();
        int[] y = DemoModels.irisLabels();

        assertThat(x).hasNumberOfRows(150);
        assertThat(Arrays.asList(x)).allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(x[0]).containsExactly(5.1f, 3.5f, 1.4f, 0.2f);
        assertThat(IntStream.of(y).filter(c -> c == 0).count()).isEqualTo(50);
        assertThat(IntStream.of(y).filter(c -> c == 1).count()).isEqualTo(50);
        assertThat(IntStream.of(y).filter(c -> c == 2).count()).isEqualTo(50);
        assertThat(DemoModel.IRIS.labels()).containsExactly("setosa", "versicolor", "virginica");
    }

    @Test
    void digits_has_1797_rows_of_64_pixels_from_0_to_16_and_labels_0_to_9() {
        float[][] x = DemoModels.digitsFeatures();
        int[] y = DemoModels.digitsLabels();

        assertThat(x).hasNumberOfRows(1797);
        assertThat(Arrays.asList(x)).allSatisfy(row -> {
            assertThat(row).hasSize(64);
            for (float pixel : row) {
                assertThat(pixel).isBetween(0f, 16f);
            }
        });
        assertThat(y).hasSize(1797);
        assertThat(IntStream.of(y).distinct().sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void digits_held_out_rows_are_a_fifth_of_the_rows_each_once() {
        int[] heldOut = DemoModels.digitsHeldOutRows();

        assertThat(heldOut).hasSize(359);
        assertThat(IntStream.of(heldOut).distinct().count()).isEqualTo(heldOut.length);
        assertThat(IntStream.of(heldOut).allMatch(i -> i >= 0 && i < 1797)).isTrue();
    }

    @Test
    void returned_arrays_are_copies() {
        float[][] x = DemoModels.irisFeatures();
        x[0][0] = -1f;
        int[] y = DemoModels.irisLabels();
        Arrays.fill(y, 7);

        assertThat(DemoModels.irisFeatures()[0][0]).isEqualTo(5.1f);
        assertThat(DemoModels.irisLabels()[0]).isZero();
    }
}
