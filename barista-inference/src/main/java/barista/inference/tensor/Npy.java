package barista.inference.tensor;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0), so a client can send
 * {@code np.save(buf, x)} and read a prediction back with {@code np.load}: no JSON number
 * formatting either way, and the bytes after the header are already a {@link Tensor}'s layout.
 *
 * <p>Reading accepts what numpy and other writers produce: any key order and spacing,
 * big-endian data (byte-swapped into little-endian) and {@code fortran_order: True} (transposed
 * into row-major order). Every problem, including a file cut off at any byte, is a
 * {@link TensorFormatException} with a one-line message; sizes are checked before anything is
 * allocated, so a hostile header cannot ask for more memory than the file itself holds.
 *
 * <p>Writing produces exactly the bytes {@code np.save} writes for the same array.
 *
 * <p>Threading: stateless; any thread. Neither method blocks.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>
 */
public final class Npy {
    public static final String MEDIA_TYPE = "application/x-npy";

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the data to 64 bytes so it can be memory-mapped for any element type. */
    private static final int ALIGN = 64;
    /** numpy leaves room to rewrite the growing dimension in place (its GROWTH_AXIS_MAX_DIGITS). */
    private static final int GROWTH_DIGITS = 21;

    private Npy() {
    }

    /** Decodes a whole {@code .npy} file. */
    public static Tensor read(byte[] bytes) {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new TensorFormatException("not a .npy file: bad magic");
        }
        if (bytes.length < 8) {
            throw new TensorFormatException("truncated .npy file: it ends in the version");
        }
        int major = bytes[6] & 0xff;
        int minor = bytes[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new TensorFormatException("unsupported .npy version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        int start = 8 + lengthBytes;
        if (bytes.length < start) {
            throw new TensorFormatException("truncated .npy file: it ends in the header length");
        }
        long headerLength = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            headerLength = headerLength << 8 | bytes[8 + i] & 0xff;
        }
        if (headerLength > NpyHeader.MAX_HEADER_BYTES) {
            throw new TensorFormatException(".npy header is " + headerLength + " bytes, more than the "
                    + NpyHeader.MAX_HEADER_BYTES + " allowed");
        }
        if (headerLength > bytes.length - start) {
            throw new TensorFormatException("truncated .npy file: the header needs " + headerLength + " bytes, "
                    + (bytes.length - start) + " are left");
        }
        String text = new String(bytes, start, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text);

        int dataStart = start + (int) headerLength;
        int itemSize = header.dtype().bytes();
        long count = header.count();
        long have = bytes.length - dataStart;
        if (count > have / itemSize || count * itemSize != have) {
            BigInteger need = BigInteger.valueOf(count).multiply(BigInteger.valueOf(itemSize));
            throw new TensorFormatException(".npy data has " + have + " bytes, shape "
                    + NpyHeader.pythonShape(header.shape()) + " of " + header.descr() + " needs " + need);
        }
        byte[] data = Arrays.copyOfRange(bytes, dataStart, bytes.length);
        if (header.bigEndian()) {
            swapBytes(data, itemSize);
        }
        if (header.fortranOrder() && header.shape().length > 1 && count > 0) {
            data = toRowMajor(data, header.shape(), itemSize);
        }
        if (header.dtype() == DType.BOOL) {
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (data[i] != 0 ? 1 : 0);
            }
        }
        return new Tensor(header.dtype(), header.shape(), data);
    }

    /** Encodes a tensor as {@code np.save} would: version 1.0 unless the header is too long for it. */
    public static byte[] write(Tensor t) {
        StringBuilder header = new StringBuilder(NpyHeader.format(t.dtype(), t.shape()));
        if (t.shape().length > 0) {
            header.repeat(' ', Math.max(0, GROWTH_DIGITS - Long.toString(t.shape()[0]).length()));
        }
        int textLength = header.length() + 1;
        int lengthBytes = 8 + 2 + textLength + padding(8 + 2 + textLength) <= 8 + 2 + 0xffff ? 2 : 4;
        int prefix = 8 + lengthBytes;
        int padded = textLength + padding(prefix + textLength);
        header.repeat(' ', padded - textLength).append('\n');

        byte[] out = new byte[prefix + padded + t.data().length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) (lengthBytes == 2 ? 1 : 2);
        for (int i = 0; i < lengthBytes; i++) {
            out[8 + i] = (byte) (padded >>> 8 * i);
        }
        byte[] text = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, prefix, text.length);
        System.arraycopy(t.data(), 0, out, prefix + padded, t.data().length);
        return out;
    }

    /** numpy always pads, by a whole {@link #ALIGN} when already aligned. */
    private static int padding(int length) {
        return ALIGN - length % ALIGN;
    }

    private static void swapBytes(byte[] data, int itemSize) {
        for (int at = 0; at < data.length; at += itemSize) {
            for (int i = 0, j = itemSize - 1; i < j; i++, j--) {
                byte b = data[at + i];
                data[at + i] = data[at + j];
                data[at + j] = b;
            }
        }
    }

    /** Walks the row-major indices in order, tracking where each element sits column-major. */
    private static byte[] toRowMajor(byte[] src, long[] shape, int itemSize) {
        int rank = shape.length;
        long[] stride = new long[rank];
        stride[0] = itemSize;
        for (int k = 1; k < rank; k++) {
            stride[k] = stride[k - 1] * shape[k - 1];
        }
        long[] index = new long[rank];
        byte[] dst = new byte[src.length];
        long from = 0;
        for (int to = 0; to < dst.length; to += itemSize) {
            System.arraycopy(src, (int) from, dst, to, itemSize);
            for (int k = rank - 1; k >= 0; k--) {
                from += stride[k];
                if (++index[k] < shape[k]) {
                    break;
                }
                from -= stride[k] * shape[k];
                index[k] = 0;
            }
        }
        return dst;
    }
}
