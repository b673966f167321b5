package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonIntegerRangeTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INT8  | [-128, 127, 0]                                   | -128 127 0
            UINT8 | [0, 255, 1.0]                                    | 0 255 1
            INT16 | [-32768, 32767]                                  | -32768 32767
            INT32 | [-2147483648, 2147483647, 1e3, 2.50e1, -0.0]     | -2147483648 2147483647 1000 25 0
            INT64 | [-9223372036854775808, 9223372036854775807, 9.223372036854775807E18] | -9223372036854775808 9223372036854775807 9223372036854775807
            """)
    void the_extremes_and_integral_floats_are_accepted(DType dtype, String json, String values) {
        assertThat(Samples.readNested(json, dtype).toLongs())
                .containsExactly(Samples.longs(values));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INT8  | [1, 128]                      | x[1]: 128 is out of range for int8 (-128 to 127)
            INT8  | [[-129]]                      | x[0][0]: -129 is out of range for int8 (-128 to 127)
            UINT8 | [-1]                          | x[0]: -1 is out of range for uint8 (0 to 255)
            UINT8 | [256]                         | x[0]: 256 is out of range for uint8 (0 to 255)
            INT16 | [32768]                       | x[0]: 32768 is out of range for int16 (-32768 to 32767)
            INT32 | [2147483648]                  | x[0]: 2147483648 is out of range for int32 (-2147483648 to 2147483647)
            INT32 | [3e9]                         | x[0]: 3e9 is out of range for int32 (-2147483648 to 2147483647)
            INT64 | [9223372036854775808]         | x[0]: 9223372036854775808 is out of range for int64
            INT64 | [-9223372036854775809]        | x[0]: -9223372036854775809 is out of range for int64
            INT64 | [1e999999999]                 | x[0]: 1e999999999 is out of range for int64
            INT64 | [1e99999999999]               | x[0]: 1e99999999999 is out of range for int64
            INT16 | [1e-99999999999]              | x[0]: 1e-99999999999 is not an integer, as int16 needs
            INT32 | [1, 1.5]                      | x[1]: 1.5 is not an integer, as int32 needs
            INT32 | [1e-999999999]                | x[0]: 1e-999999999 is not an integer, as int32 needs
            UINT8 | [0.5]                         | x[0]: 0.5 is not an integer, as uint8 needs
            """)
    void values_outside_the_type_are_rejected_not_wrapped(DType dtype, String json, String message) {
        assertThatThrownBy(() -> Samples.readNested(json, dtype))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            FLOAT32 | [1e39]   | x[0]: 1e39 is out of range for float32
            FLOAT64 | [-1e309] | x[0]: -1e309 is out of range for float64
            """)
    void finite_numbers_too_large_for_a_float_type_are_rejected_not_made_infinite(DType dtype, String json, String message) {
        assertThatThrownBy(() -> Samples.readNested(json, dtype))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage(message);
    }
}
