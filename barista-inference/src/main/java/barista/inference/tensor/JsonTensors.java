package barista.inference.tensor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Tensors as JSON arrays, in the two forms clients send: nested arrays whose nesting is the
 * shape ({@code [[5.1, 3.5], [6.2, 2.9]]}, Barista's own API) and a flat {@code data} array next
 * to an explicit {@code shape} (the Open Inference Protocol). Every prediction passes through
 * here, so values stream straight from the parser into the tensor's bytes with no tree of nodes
 * and no boxing.
 *
 * <p>JSON has no NaN or infinity, so float tensors write them as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"} and read those three strings back; any other string
 * is an error. A finite number too large for the type is an error, not infinity; an integer type
 * takes a float only if it is integral ({@code 3.0}); {@code BOOL} takes {@code true},
 * {@code false}, {@code 0} and {@code 1}. Nesting is limited to {@link #MAX_DEPTH} and a tensor
 * to {@link #MAX_ELEMENTS}, so a hostile body cannot exhaust the stack or the heap.
 *
 * <p>Errors about the values are {@link TensorFormatException}s whose message starts with the
 * caller's name and the path of the offending value ({@code inputs.x[1][2]: ...}); malformed JSON
 * is Jackson's own {@link com.fasterxml.jackson.core.exc.StreamReadException}, which the caller's
 * JSON error handling already maps. A zero dimension followed by others cannot be written nested:
 * shape {@code [0, 3]} writes {@code []}, which reads back as shape {@code [0]}.
 *
 * <p>Threading: stateless; any thread. The methods block only as much as the parser or
 * generator they are given.
 */
public final class JsonTensors {
    /** Deeper than any model's input; bounds recursion on a hostile body. */
    public static final int MAX_DEPTH = 32;
    /** 16 Mi values, 128 MiB as float64: far beyond what a capped request body can hold. */
    public static final int MAX_ELEMENTS = 1 << 24;

    // Little-endian views of a byte[], shared with JsonTensorReader.
    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private JsonTensors() {
    }

    /**
     * Reads a nested array, inferring the shape from the nesting; a bare number is a scalar.
     *
     * @param p     positioned on the value's first token ({@code START_ARRAY} or a number); left on
     *              its last token (the matching {@code END_ARRAY}, or the number)
     * @param name  how the client knows this tensor, e.g. {@code inputs.x}, to start messages
     */
    public static Tensor readNested(JsonParser p, DType dtype, String name) throws IOException {
        var reader = new JsonTensorReader(p, dtype, name, MAX_ELEMENTS);
        if (p.currentToken() == JsonToken.START_ARRAY) {
            reader.array(0);
        } else {
            reader.scalar();
        }
        return reader.tensor(null);
    }

    /**
     * Reads the Open Inference Protocol's {@code data}: values in row-major order, flat or nested
     * in any way (the nesting is ignored), as many as {@code shape} holds.
     *
     * @param p     positioned on the value's first token; left on its last token
     * @param shape the declared shape; its count must be at most {@link #MAX_ELEMENTS}
     * @param name  how the client knows this tensor, e.g. {@code inputs[0].data}, to start messages
     */
    public static Tensor readFlat(JsonParser p, DType dtype, long[] shape, String name) throws IOException {
        if (shape.length > MAX_DEPTH) {
            throw new TensorFormatException(name + ": shape " + Arrays.toString(shape) + " has more than "
                    + MAX_DEPTH + " dimensions");
        }
        // The non-zero dimensions must multiply to at most MAX_ELEMENTS even when another is 0, so
        // that no shape accepted here can overflow Tensor.count; the product saturates to stay exact.
        long expected = 1;
        boolean empty = false;
        for (long d : shape) {
            if (d < 0) {
                throw new TensorFormatException(name + ": shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            empty |= d == 0;
            expected = Math.min(MAX_ELEMENTS + 1L, expected * Math.min(d == 0 ? 1 : d, MAX_ELEMENTS + 1L));
        }
        if (expected > MAX_ELEMENTS) {
            throw new TensorFormatException(name + ": shape " + Arrays.toString(shape) + " is too large (more than "
                    + MAX_ELEMENTS + " values)");
        }
        if (empty) {
            expected = 0;
        }
        var reader = new JsonTensorReader(p, dtype, name, expected);
        reader.flat(shape);
        return reader.tensor(shape.clone());
    }

    /** Writes the tensor as nested arrays, one level per dimension; a scalar is a bare value. */
    public static void writeNested(Tensor t, JsonGenerator g) throws IOException {
        if (t.shape().length == 0) {
            writeValue(t, 0, g);
        } else {
            writeNested(t, g, 0, 0);
        }
    }

    private static long writeNested(Tensor t, JsonGenerator g, int dim, long at) throws IOException {
        g.writeStartArray();
        long n = t.shape()[dim];
        boolean last = dim == t.shape().length - 1;
        for (long i = 0; i < n; i++) {
            if (last) {
                writeValue(t, at++, g);
            } else {
                at = writeNested(t, g, dim + 1, at);
            }
        }
        g.writeEndArray();
        return at;
    }

    /** Writes the values as one flat array in row-major order, as the Open Inference Protocol's {@code data}. */
    public static void writeFlat(Tensor t, JsonGenerator g) throws IOException {
        g.writeStartArray();
        long n = t.count();
        for (long i = 0; i < n; i++) {
            writeValue(t, i, g);
        }
        g.writeEndArray();
    }

    private static void writeValue(Tensor t, long index, JsonGenerator g) throws IOException {
        byte[] d = t.data();
        int at = Math.toIntExact(index * t.dtype().bytes());
        switch (t.dtype()) {
            case FLOAT32 -> {
                float f = (float) FLOAT.get(d, at);
                String whole = whole(f);
                if (whole != null) {
                    g.writeNumber(whole);
                } else if (Float.isFinite(f)) {
                    g.writeNumber(f);
                } else {
                    g.writeString(nonFinite(f));
                }
            }
            case FLOAT64 -> {
                double v = (double) DOUBLE.get(d, at);
                String whole = whole(v);
                if (whole != null) {
                    g.writeNumber(whole);
                } else if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeString(nonFinite(v));
                }
            }
            case INT8 -> g.writeNumber((int) d[at]);
            case UINT8 -> g.writeNumber(d[at] & 0xff);
            case INT16 -> g.writeNumber((short) SHORT.get(d, at));
            case INT32 -> g.writeNumber((int) INT.get(d, at));
            case INT64 -> g.writeNumber((long) LONG.get(d, at));
            case BOOL -> g.writeBoolean(d[at] != 0);
        }
    }

    /** {@code "0.0"} to {@code "1023.0"}: pixels, counts and class ids are mostly small. */
    private static final String[] SMALL_WHOLE = new String[1024];

    static {
        for (int i = 0; i < SMALL_WHOLE.length; i++) {
            SMALL_WHOLE[i] = i + ".0";
        }
    }

    /**
     * A whole number below ten million as {@link Double#toString} and {@link Float#toString}
     * write it ({@code 3.0}, {@code -12.0}), or null for any other value. Images, counts and
     * one-hot inputs are all whole numbers, and writing them this way measured about three
     * times faster than the general float formatting: 64 pixels took about 3 us, mostly
     * there, on the thread that makes a model's replies and log entries.
     */
    static String whole(double v) {
        if (v != Math.rint(v) || Math.abs(v) >= 1e7 || v == 0 && Double.doubleToRawLongBits(v) != 0) {
            return null; // fractions, large values written as 1.0E7, NaN, infinities and -0.0 take the general path
        }
        int i = (int) v;
        return i >= 0 && i < SMALL_WHOLE.length ? SMALL_WHOLE[i] : i + ".0";
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }

    /** Whether every value is finite; always true for integer and boolean tensors. */
    public static boolean allFinite(Tensor t) {
        return firstNonFinite(t) < 0;
    }

    /**
     * The row-major index of the first NaN or infinity, or -1 if there is none, so a caller can
     * reject an input ("inputs.x[3] is NaN") or decide how to send an output.
     */
    public static long firstNonFinite(Tensor t) {
        byte[] d = t.data();
        if (t.dtype() == DType.FLOAT32) {
            for (int at = 0; at < d.length; at += 4) {
                if (!Float.isFinite((float) FLOAT.get(d, at))) {
                    return at / 4;
                }
            }
        } else if (t.dtype() == DType.FLOAT64) {
            for (int at = 0; at < d.length; at += 8) {
                if (!Double.isFinite((double) DOUBLE.get(d, at))) {
                    return at / 8;
                }
            }
        }
        return -1;
    }
}
