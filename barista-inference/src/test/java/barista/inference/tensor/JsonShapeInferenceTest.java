package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonShapeInferenceTest {
    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            7                            |
            [7]                          | 1
            []                           | 0
            [[]]                         | 1 0
            [[], [], []]                 | 3 0
            [[[]], [[]]]                 | 2 1 0
            [[1, 2, 3], [4, 5, 6]]       | 2 3
            [[[1], [2]], [[3], [4]]]     | 2 2 1
            [[[[[[[[[[0]]]]]]]]]]        | 1 1 1 1 1 1 1 1 1 1
            """)
    void the_nesting_is_the_shape(String json, String shape) {
        Tensor t = Samples.readNested(json, DType.INT32);

        assertThat(t.shape()).containsExactly(Samples.longs(shape));
    }

    @Test
    void the_parser_is_left_on_the_closing_bracket_of_the_tensor() throws IOException {
        try (JsonParser p = Samples.JSON.createParser("{\"x\": [[1, 2], [3, 4]], \"next\": true}")) {
            p.nextToken();
            p.nextToken();
            p.nextToken();

            JsonTensors.readNested(p, DType.INT64, "x");

            assertThat(p.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
            assertThat(p.currentName()).isEqualTo("next");
        }
    }

    @Test
    void a_scalar_leaves_the_parser_on_itself() throws IOException {
        try (JsonParser p = Samples.JSON.createParser("[2.5, 9]")) {
            p.nextToken();
            p.nextToken();

            Tensor t = JsonTensors.readNested(p, DType.FLOAT64, "x");

            assertThat(t).isEqualTo(Tensor.ofDoubles(new double[] {2.5}));
            assertThat(p.currentToken()).isEqualTo(JsonToken.VALUE_NUMBER_FLOAT);
        }
    }
}
