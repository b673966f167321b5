package barista.inference.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array: an element type, a shape and the elements in row-major order as
 * little-endian bytes, the layout ONNX Runtime, NumPy's {@code .npy} and the batcher all share,
 * so a tensor moves between them by copying bytes, never element by element.
 *
 * <p>Dimension 0 is the batch: {@link #rows()} requests' worth of rows are concatenated along it
 * and split apart again. Tensors are values: never change {@code shape} or {@code data} after
 * construction.
 *
 * @param dtype the element type
 * @param shape the size of each dimension; a scalar has shape {@code []}
 * @param data  {@code count() * dtype.bytes()} bytes, little-endian, row-major
 */
public record Tensor(DType dtype, long[] shape, byte[] data) {
    public Tensor {
        long n = count(shape);
        if (n * dtype.bytes() != data.length) {
            throw new IllegalArgumentException("a " + dtype.wire() + " tensor of shape " + Arrays.toString(shape)
                    + " needs " + n * dtype.bytes() + " bytes, got " + data.length);
        }
    }

    /** The number of elements a shape holds. */
    public static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public long count() {
        return count(shape);
    }

    /** The size of dimension 0, the batch; 1 for a scalar. */
    public int rows() {
        return shape.length == 0 ? 1 : Math.toIntExact(shape[0]);
    }

    /** A view of the elements, little-endian, positioned at 0. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    // ---------------------------------------------------------------- making

    public static Tensor ofFloats(float[] values, long... shape) {
        ByteBuffer b = allocate(values.length, DType.FLOAT32);
        b.asFloatBuffer().put(values);
        return new Tensor(DType.FLOAT32, shape.clone(), b.array());
    }

    /** A {@code [rows, columns]} float tensor; every row must have the same length. */
    public static Tensor ofFloats(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return ofFloats(flat, rows.length, cols);
    }

    public static Tensor ofDoubles(double[] values, long... shape) {
        ByteBuffer b = allocate(values.length, DType.FLOAT64);
        b.asDoubleBuffer().put(values);
        return new Tensor(DType.FLOAT64, shape.clone(), b.array());
    }

    public static Tensor ofInts(int[] values, long... shape) {
        ByteBuffer b = allocate(values.length, DType.INT32);
        b.asIntBuffer().put(values);
        return new Tensor(DType.INT32, shape.clone(), b.array());
    }

    public static Tensor ofLongs(long[] values, long... shape) {
        ByteBuffer b = allocate(values.length, DType.INT64);
        b.asLongBuffer().put(values);
        return new Tensor(DType.INT64, shape.clone(), b.array());
    }

    /** A tensor of zeros (false for {@code BOOL}). */
    public static Tensor zeros(DType dtype, long... shape) {
        return new Tensor(dtype, shape.clone(), new byte[Math.toIntExact(count(shape) * dtype.bytes())]);
    }

    private static ByteBuffer allocate(int count, DType dtype) {
        return ByteBuffer.allocate(Math.multiplyExact(count, dtype.bytes())).order(ByteOrder.LITTLE_ENDIAN);
    }

    // ---------------------------------------------------------------- reading

    /** Element {@code index} (row-major) as a double, whatever the type; booleans are 0 or 1. */
    public double getDouble(long index) {
        if (!dtype.isFloating()) {
            return getLong(index);
        }
        int at = Math.toIntExact(index * dtype.bytes());
        return dtype == DType.FLOAT32 ? buffer().getFloat(at) : buffer().getDouble(at);
    }

    /** Element {@code index} as a long; for integer and boolean tensors. */
    public long getLong(long index) {
        if (dtype.isFloating()) {
            throw new IllegalStateException("a " + dtype.wire() + " tensor has no exact long values");
        }
        int at = Math.toIntExact(index * dtype.bytes());
        ByteBuffer b = buffer();
        return switch (dtype) {
            case INT8 -> b.get(at);
            case UINT8 -> b.get(at) & 0xff;
            case INT16 -> b.getShort(at);
            case INT32 -> b.getInt(at);
            case INT64 -> b.getLong(at);
            case BOOL -> b.get(at) != 0 ? 1 : 0;
            default -> throw new AssertionError(dtype);
        };
    }

    /** The elements as floats (converted from any numeric type). */
    public float[] toFloats() {
        if (dtype == DType.FLOAT32) {
            float[] out = new float[Math.toIntExact(count())];
            buffer().asFloatBuffer().get(out);
            return out;
        }
        float[] out = new float[Math.toIntExact(count())];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) getDouble(i);
        }
        return out;
    }

    /** The elements as longs; for integer and boolean tensors. */
    public long[] toLongs() {
        long[] out = new long[Math.toIntExact(count())];
        for (int i = 0; i < out.length; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** Row {@code r} of a {@code [rows, n]} tensor as floats, e.g. one row's class scores. */
    public float[] rowFloats(int r) {
        return rowsSlice(r, r + 1).toFloats();
    }

    // ---------------------------------------------------------------- batching

    /** Rows {@code [from, to)} along dimension 0, copied. */
    public Tensor rowsSlice(int from, int to) {
        if (shape.length == 0) {
            throw new IllegalStateException("a scalar has no rows");
        }
        if (from < 0 || to > shape[0] || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + shape[0]);
        }
        int rowBytes = rowBytes();
        long[] s = shape.clone();
        s[0] = to - from;
        return new Tensor(dtype, s, Arrays.copyOfRange(data, from * rowBytes, to * rowBytes));
    }

    /** Bytes per row (per index of dimension 0). */
    public int rowBytes() {
        return shape.length == 0 || shape[0] == 0 ? 0 : data.length / Math.toIntExact(shape[0]);
    }

    /**
     * The tensors stacked along dimension 0. They must share the type and every dimension but
     * the first.
     */
    public static Tensor concat(List<Tensor> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        Tensor first = parts.getFirst();
        long rows = 0;
        int bytes = 0;
        for (Tensor t : parts) {
            if (t.dtype != first.dtype || t.shape.length != first.shape.length || t.shape.length == 0
                    || !Arrays.equals(t.shape, 1, t.shape.length, first.shape, 1, first.shape.length)) {
                throw new IllegalArgumentException("cannot stack " + t.describe() + " on " + first.describe());
            }
            rows += t.shape[0];
            bytes += t.data.length;
        }
        byte[] out = new byte[bytes];
        int at = 0;
        for (Tensor t : parts) {
            System.arraycopy(t.data, 0, out, at, t.data.length);
            at += t.data.length;
        }
        long[] s = first.shape.clone();
        s[0] = rows;
        return new Tensor(first.dtype, s, out);
    }

    /** {@code float32[2, 4]}, for messages. */
    public String describe() {
        return dtype.wire() + Arrays.toString(shape).replace(" ", "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.dtype == dtype && Arrays.equals(t.shape, shape) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor[" + describe() + "]";
    }
}
