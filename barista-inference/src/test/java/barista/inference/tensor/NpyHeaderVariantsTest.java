package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Headers from other writers and older numpy: the dict is Python syntax, not a fixed string. */
class NpyHeaderVariantsTest {
    private static final byte[] SIX_FLOATS = Npy.write(Tensor.ofFloats(new float[] {0, 1, 2, 3, 4, 5}, 2, 3));
    private static final byte[] DATA = Arrays.copyOfRange(SIX_FLOATS, SIX_FLOATS.length - 24, SIX_FLOATS.length);

    @ParameterizedTest
    @ValueSource(strings = {
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }          \n",
            "{'shape': (2, 3), 'descr': '<f4', 'fortran_order': False}",
            "{'fortran_order':False,'shape':(2,3),'descr':'<f4'}",
            "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (2, 3)}\n",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L), }\n",
            "\t{ 'descr' : '<f4' ,\n 'fortran_order' : False , 'shape' : ( 2 , 3 , ) , }\n",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (+2, 3), }",
    })
    void equivalent_python_dicts_read_the_same(String header) {
        assertThat(Npy.read(Samples.npy(1, header, DATA))).isEqualTo(Tensor.ofFloats(new float[] {0, 1, 2, 3, 4, 5}, 2, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"|u1", "<u1", ">u1"})
    void one_byte_types_take_any_byte_order_mark(String descr) {
        byte[] file = Samples.npy(1, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2,), }", new byte[] {7, (byte) 200});

        assertThat(Npy.read(file).toLongs()).containsExactly(7, 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(3,)", "(3, )", "(3 ,)"})
    void one_tuples_are_one_dimension(String shape) {
        byte[] file = Samples.npy(1, "{'descr': '|i1', 'fortran_order': False, 'shape': " + shape + "}", new byte[] {1, 2, 3});

        assertThat(Npy.read(file).shape()).containsExactly(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"()", "( )"})
    void an_empty_tuple_is_a_scalar(String shape) {
        byte[] file = Samples.npy(1, "{'descr': '|i1', 'fortran_order': False, 'shape': " + shape + "}", new byte[] {9});

        assertThat(Npy.read(file).shape()).isEmpty();
    }
}
