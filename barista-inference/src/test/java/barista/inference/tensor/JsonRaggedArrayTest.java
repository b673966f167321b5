package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRaggedArrayTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [[1, 2, 3, 4], [5, 6]]              | x[1]: expected 4 values like row 0, got 2
            [[1, 2], [3, 4], [5, 6, 7]]         | x[2]: expected 2 values like row 0, got 3
            [[1], []]                           | x[1]: expected 1 value like row 0, got 0
            [[], [1]]                           | x[1]: expected 0 values like row 0, got 1
            [[], [[1]]]                         | x[1][0]: expected a number, got an array
            [[[1, 2], [3, 4]], [[5, 6], [7]]]   | x[1][1]: expected 2 values like x[0][0], got 1
            [[[1, 2]], [[3, 4], [5, 6]]]        | x[1]: expected 1 value like row 0, got 2
            [1, [2]]                            | x[1]: expected a number, got an array
            [[1], 2]                            | x[1]: expected an array, got a number
            [[[1]], [2]]                        | x[1][0]: expected an array, got a number
            [[[]], [1]]                         | x[1][0]: expected an array, got a number
            """)
    void arrays_that_differ_from_the_first_at_their_depth_are_rejected_with_their_path(String json, String message) {
        assertThatThrownBy(() -> Samples.readNested(json, DType.INT32))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage(message);
    }
}
