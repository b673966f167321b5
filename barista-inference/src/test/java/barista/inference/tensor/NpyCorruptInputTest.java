package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every broken file is a {@link TensorFormatException} with a message a client can act on, never another exception. */
class NpyCorruptInputTest {
    private static final byte[] VALID = Npy.write(Tensor.ofFloats(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 2, 4));

    private static byte[] withHeader(String header, int dataBytes) {
        return Samples.npy(1, header, new byte[dataBytes]);
    }

    @Test
    void a_file_cut_off_at_any_byte_is_rejected() {
        for (int length = 0; length < VALID.length; length++) {
            byte[] cut = Arrays.copyOf(VALID, length);
            assertThatThrownBy(() -> Npy.read(cut)).as("cut at %d", length)
                    .isExactlyInstanceOf(TensorFormatException.class);
        }
    }

    @Test
    void a_file_cut_off_in_the_data_says_how_many_bytes_are_missing() {
        assertThatThrownBy(() -> Npy.read(Arrays.copyOf(VALID, VALID.length - 20)))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage(".npy data has 12 bytes, shape (2, 4) of <f4 needs 32");
    }

    @Test
    void trailing_bytes_after_the_data_are_rejected() {
        assertThatThrownBy(() -> Npy.read(Arrays.copyOf(VALID, VALID.length + 1)))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage(".npy data has 33 bytes, shape (2, 4) of <f4 needs 32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PK", "{\"x\": [1, 2]}", "\u0093NUMPz"})
    void a_file_that_is_not_npy_is_rejected_by_its_magic(String text) {
        assertThatThrownBy(() -> Npy.read(text.getBytes(StandardCharsets.ISO_8859_1)))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage("not a .npy file: bad magic");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "4, 0", "1, 1", "255, 255"})
    void unknown_versions_are_rejected(int major, int minor) {
        byte[] file = VALID.clone();
        file[6] = (byte) major;
        file[7] = (byte) minor;

        assertThatThrownBy(() -> Npy.read(file))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage("unsupported .npy version " + major + "." + minor + " (supported: 1.0, 2.0, 3.0)");
    }

    @Test
    void a_header_length_beyond_the_file_is_rejected_before_allocating() {
        byte[] file = Arrays.copyOf(VALID, 12);
        file[6] = 2;
        file[8] = (byte) 0xff;
        file[9] = (byte) 0xff;
        file[10] = (byte) 0xff;
        file[11] = (byte) 0xff;

        assertThatThrownBy(() -> Npy.read(file))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage(".npy header is 4294967295 bytes, more than the 10000 allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   \n",
            "[1, 2]",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4), ",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4)",
            "{'descr': '<f4', 'fortran_order': False 'shape': (2, 4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4)} x",
            "{'descr': '<f4, 'fortran_order': False, 'shape': (2, 4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4), 'extra': 1}",
            "{'descr': '<f4', 'shape': (2, 4)}",
            "{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 4)}",
            "{'descr': '<f4', 'fortran_order': 'False', 'shape': (2, 4)}",
            "{'descr': '<f4', 'fortran_order': false, 'shape': (2, 4)}",
            "{'descr': '<f4', 'fortran_order': None, 'shape': (2, 4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': [2, 4]}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (8)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': 8}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2.0, 4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4e0)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (0x2, 4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, -4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 'four')}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, (4,))}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (-, 4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': ((((((((((2,),),),),),),),),),)}",
            "{'descr': ['<f4'], 'fortran_order': False, 'shape': (2, 4)}",
            "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (2, 4)}",
            "{'descr': None, 'fortran_order': False, 'shape': (2, 4)}",
            "{{'descr': '<f4'}: 1}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4), 'shape': (2, 4), 3: 4}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4)}\u0000",
            "{'descr': '<f4', 'fortran_order': Fals, 'shape': (2, 4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4)}}",
            "{'descr': '<f4' 'fortran_order': False, 'shape': (2, 4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2,, 4)}",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (,)}",
            "{,}",
            "{'descr': '\\",
    })
    void malformed_header_dicts_are_rejected(String header) {
        assertThatThrownBy(() -> Npy.read(withHeader(header, 32)))
                .isExactlyInstanceOf(TensorFormatException.class)
                .message().doesNotContain("\n").isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<c8", "<f2", "<u2", "<u4", "<u8", "=f4", "|f4", "f4", "<f4 ", "O", "<U10", "|S3", "<M8[ns]", ""})
    void unsupported_dtypes_are_named_with_the_supported_ones(String descr) {
        assertThatThrownBy(() -> Npy.read(withHeader("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2, 4), }", 32)))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessageStartingWith("unsupported dtype '" + descr + "' (supported: <f4, <f8, |i1, |u1, <i2, <i4, <i8, |b1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "(9999999999, 9999999999)",
            "(2147483647, 2147483647, 2147483647)",
            "(99999999999999999999999999999999999999,)",
            "(2147483647, 2147483647)",
            "(0, 9999999999)",
            "(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)",
    })
    void absurd_shapes_are_rejected_before_allocating(String shape) {
        assertThatThrownBy(() -> Npy.read(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }", 8)))
                .isExactlyInstanceOf(TensorFormatException.class);
    }

    @Test
    void a_header_of_the_right_dict_shape_but_wrong_data_length_names_both() {
        assertThatThrownBy(() -> Npy.read(withHeader("{'descr': '<i8', 'fortran_order': True, 'shape': (3,), }", 16)))
                .isExactlyInstanceOf(TensorFormatException.class)
                .hasMessage(".npy data has 16 bytes, shape (3,) of <i8 needs 24");
    }
}
