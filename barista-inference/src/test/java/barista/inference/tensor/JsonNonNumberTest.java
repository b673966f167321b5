package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonNonNumberTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            FLOAT32 | [[1.0, "2.0"]]      | x[0][1]: expected a number (or "NaN", "Infinity", "-Infinity"), got a string
            FLOAT32 | [[1.0, "nan"]]      | x[0][1]: expected a number (or "NaN", "Infinity", "-Infinity"), got a string
            FLOAT64 | [1.0, null]         | x[1]: expected a number (or "NaN", "Infinity", "-Infinity"), got null
            FLOAT32 | [[1.0], [{}]]       | x[1][0]: expected a number (or "NaN", "Infinity", "-Infinity"), got an object
            FLOAT32 | [true]              | x[0]: expected a number (or "NaN", "Infinity", "-Infinity"), got true
            INT32   | [1, "2"]            | x[1]: expected a number, got a string
            INT32   | ["NaN"]             | x[0]: expected a number, got a string
            INT64   | [[null]]            | x[0][0]: expected a number, got null
            UINT8   | [false]             | x[0]: expected a number, got false
            INT8    | {"a": 1}            | x: expected an array or a number, got an object
            INT8    | "1"                 | x: expected a number, got a string
            INT8    | null                | x: expected a number, got null
            """)
    void values_that_are_not_numbers_are_rejected_with_their_path(DType dtype, String json, String message) {
        assertThatThrownBy(() -> Samples.readNested(json, dtype))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage(message);
    }
}
