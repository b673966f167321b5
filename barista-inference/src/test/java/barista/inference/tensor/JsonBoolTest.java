package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBoolTest {
    @Test
    void true_false_one_and_zero_are_accepted() {
        Tensor t = Samples.readNested("[[true, false], [1, 0]]", DType.BOOL);

        assertThat(t.shape()).containsExactly(2, 2);
        assertThat(t.data()).containsExactly(1, 0, 1, 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [2]            | x[0]: expected true or false, got 2
            [-1]           | x[0]: expected true or false, got -1
            [1.0]          | x[0]: expected true or false, got 1.0
            [99999999999]  | x[0]: expected true or false, got 99999999999
            ["true"]       | x[0]: expected true or false, got a string
            [null]         | x[0]: expected true or false, got null
            """)
    void anything_else_is_rejected(String json, String message) {
        assertThatThrownBy(() -> Samples.readNested(json, DType.BOOL))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage(message);
    }

    @Test
    void bools_are_written_as_json_booleans() {
        assertThat(Samples.writeFlat(new Tensor(DType.BOOL, new long[] {3}, new byte[] {1, 0, 1}))).isEqualTo("[true,false,true]");
    }
}
