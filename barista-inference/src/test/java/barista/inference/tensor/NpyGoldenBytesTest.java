package barista.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files written by {@code np.save} (numpy 1.24.2 and 2.4.6 agree byte for byte), which {@link Npy}
 * must reproduce exactly and read back. The one with ten dimensions has a header that ends
 * exactly on a 64-byte boundary, where numpy pads by a whole 64 bytes.
 */
class NpyGoldenBytesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            np.arange(6, dtype='<f4').reshape(2, 3) | FLOAT32 | 2 3                                | 0 1 2 3 4 5 | 934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028322c2033292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a000000000000803f0000004000004040000080400000a040
            np.array(2.5)                           | FLOAT64 |                                    | 2.5         | 934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028292c207d20202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a0000000000000440
            np.array([1, -2, 3], dtype='<i8')       | INT64   | 3                                  | 1 -2 3      | 934e554d5059010076007b276465736372273a20273c6938272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a0100000000000000feffffffffffffff0300000000000000
            np.array([[True, False], [False, True]]) | BOOL   | 2 2                                | 1 0 0 1     | 934e554d5059010076007b276465736372273a20277c6231272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028322c2032292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a01000001
            np.zeros((0,), dtype='u1')              | UINT8   | 0                                  |             | 934e554d5059010076007b276465736372273a20277c7531272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028302c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a
            np.zeros((1, 0), dtype='<i2')           | INT16   | 1 0                                |             | 934e554d5059010076007b276465736372273a20273c6932272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028312c2030292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a
            np.zeros((0, 0, 0, 100, 100, 100, 100, 100, 100, 100), dtype='u1') | UINT8 | 0 0 0 100 100 100 100 100 100 100 | | 934e554d50590100b6007b276465736372273a20277c7531272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028302c20302c20302c203130302c203130302c203130302c203130302c203130302c203130302c20313030292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a
            """)
    void writes_the_bytes_numpy_writes_and_reads_them_back(String numpy, DType dtype, String shape, String values, String hex) {
        Tensor expected = tensor(dtype, Samples.longs(shape), values);

        assertThat(Npy.write(expected)).as(numpy).isEqualTo(Samples.hex(hex));
        assertThat(Npy.read(Samples.hex(hex))).as(numpy).isEqualTo(expected);
    }

    private static Tensor tensor(DType dtype, long[] shape, String values) {
        String[] v = values == null ? new String[0] : values.trim().split(" +");
        ByteBuffer b = ByteBuffer.allocate(v.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (String x : v) {
            switch (dtype) {
                case FLOAT32 -> b.putFloat(Float.parseFloat(x));
                case FLOAT64 -> b.putDouble(Double.parseDouble(x));
                case INT8, UINT8, BOOL -> b.put(Byte.parseByte(x));
                case INT16 -> b.putShort(Short.parseShort(x));
                case INT32 -> b.putInt(Integer.parseInt(x));
                case INT64 -> b.putLong(Long.parseLong(x));
            }
        }
        return new Tensor(dtype, shape, b.array());
    }
}
