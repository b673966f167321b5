package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Files numpy writes but {@link Npy#write} never does: big-endian, Fortran order, versions 2.0 and 3.0. */
class NpyForeignLayoutTest {
    @Test
    void big_endian_floats_are_swapped_into_little_endian() {
        // np.save(f, np.arange(6, dtype='>f4').reshape(2, 3))
        byte[] file = Samples.hex("934e554d5059010076007b276465736372273a20273e6634272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028322c2033292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a000000003f80000040000000404000004080000040a00000");

        assertThat(Npy.read(file)).isEqualTo(Tensor.ofFloats(new float[] {0, 1, 2, 3, 4, 5}, 2, 3));
    }

    @Test
    void big_endian_doubles_keep_infinity() {
        // np.save(f, np.array([1.5, -2.25, np.inf, 0.0], dtype='>f8'))
        byte[] file = Samples.hex("934e554d5059010076007b276465736372273a20273e6638272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028342c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a3ff8000000000000c0020000000000007ff00000000000000000000000000000");

        assertThat(Npy.read(file)).isEqualTo(Tensor.ofDoubles(new double[] {1.5, -2.25, Double.POSITIVE_INFINITY, 0}, 4));
    }

    @Test
    void fortran_order_is_transposed_into_row_major() {
        // np.save(f, np.asfortranarray(np.arange(24, dtype='<f4').reshape(2, 3, 4)))
        byte[] file = Samples.hex("934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a20547275652c20277368617065273a2028322c20332c2034292c207d20202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a00000000000040410000804000008041000000410000a0410000803f000050410000a04000008841000010410000a84100000040000060410000c04000009041000020410000b04100004040000070410000e04000009841000030410000b841");
        float[] arange = new float[24];
        for (int i = 0; i < arange.length; i++) {
            arange[i] = i;
        }

        assertThat(Npy.read(file)).isEqualTo(Tensor.ofFloats(arange, 2, 3, 4));
    }

    @Test
    void big_endian_fortran_order_is_both_swapped_and_transposed() {
        // np.save(f, np.asfortranarray(np.arange(6, dtype='>i2').reshape(3, 2)))
        byte[] file = Samples.hex("934e554d5059010076007b276465736372273a20273e6932272c2027666f727472616e5f6f72646572273a20547275652c20277368617065273a2028332c2032292c207d20202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a000000020004000100030005");

        Tensor t = Npy.read(file);

        assertThat(t.dtype()).isEqualTo(DType.INT16);
        assertThat(t.shape()).containsExactly(3, 2);
        assertThat(t.toLongs()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void version_2_and_3_headers_are_read() {
        // numpy.lib.format.write_array(f, np.array([1, 2, 3], dtype='<i4'), version=(2, 0)) and (3, 0)
        byte[] v2 = Samples.hex("934e554d50590200740000007b276465736372273a20273c6934272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028332c292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a010000000200000003000000");
        byte[] v3 = Samples.hex("934e554d50590300740000007b276465736372273a20273c6934272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028332c292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a010000000200000003000000");

        assertThat(Npy.read(v2)).isEqualTo(Tensor.ofInts(new int[] {1, 2, 3}, 3));
        assertThat(Npy.read(v3)).isEqualTo(Tensor.ofInts(new int[] {1, 2, 3}, 3));
    }

    @Test
    void bool_bytes_other_than_0_and_1_read_as_true() {
        byte[] file = Samples.npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }\n", new byte[] {0, 2, (byte) 0xff});

        assertThat(Npy.read(file).data()).containsExactly(0, 1, 1);
    }
}
