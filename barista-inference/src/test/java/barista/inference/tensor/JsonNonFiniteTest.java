package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** JSON has no NaN or infinity: they travel as the strings "NaN", "Infinity" and "-Infinity". */
class JsonNonFiniteTest {
    private static final float[] SPECIAL = {1, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};

    @Test
    void non_finite_floats_are_written_as_strings_and_read_back() {
        Tensor t = Tensor.ofFloats(SPECIAL, 4);

        String json = Samples.writeFlat(t);

        assertThat(json).isEqualTo("[1.0,\"NaN\",\"Infinity\",\"-Infinity\"]");
        assertThat(Samples.readNested(json, DType.FLOAT32)).isEqualTo(t);
        assertThat(Samples.readNested(Samples.writeNested(Tensor.ofDoubles(new double[] {Double.NaN}, 1)), DType.FLOAT64).toFloats())
                .containsExactly(Float.NaN);
    }

    @Test
    void jacksons_optional_non_numeric_numbers_are_read_too() throws IOException {
        JsonFactory lenient = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        try (JsonParser p = lenient.createParser("[1, NaN, Infinity, -Infinity]")) {
            p.nextToken();

            assertThat(JsonTensors.readNested(p, DType.FLOAT32, "x")).isEqualTo(Tensor.ofFloats(SPECIAL, 4));
        }
    }

    @Test
    void the_first_non_finite_value_is_found_by_its_index() {
        assertThat(JsonTensors.firstNonFinite(Tensor.ofFloats(SPECIAL, 4))).isEqualTo(1);
        assertThat(JsonTensors.firstNonFinite(Tensor.ofDoubles(new double[] {0, 1, Double.NEGATIVE_INFINITY}, 3))).isEqualTo(2);
        assertThat(JsonTensors.firstNonFinite(Tensor.ofFloats(new float[] {Float.MAX_VALUE, -0.0f}, 2))).isEqualTo(-1);
        assertThat(JsonTensors.allFinite(Tensor.ofFloats(SPECIAL, 4))).isFalse();
        assertThat(JsonTensors.allFinite(Tensor.ofLongs(new long[] {Long.MAX_VALUE}, 1))).isTrue();
        assertThat(JsonTensors.allFinite(Tensor.zeros(DType.FLOAT64, 0))).isTrue();
    }
}
