package barista.inference.tensor;

import static barista.inference.tensor.JsonTensors.DOUBLE;
import static barista.inference.tensor.JsonTensors.FLOAT;
import static barista.inference.tensor.JsonTensors.INT;
import static barista.inference.tensor.JsonTensors.LONG;
import static barista.inference.tensor.JsonTensors.MAX_DEPTH;
import static barista.inference.tensor.JsonTensors.SHORT;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * One pass over one JSON tensor for {@link JsonTensors}: values go straight into a growing
 * little-endian byte array, and the shape is learned on the way, from the first array closed at
 * each depth, against which every later array at that depth is checked. The current path is kept
 * as indices and only turned into text for an error message.
 *
 * <p>Threading: one instance per tensor read, on the thread that owns the parser.
 */
final class JsonTensorReader {
    private final JsonParser p;
    private final DType dtype;
    private final String name;
    /** The most values accepted; when reading flat, exactly the count the shape needs. */
    private final long limit;
    /** Index at each depth; grows with the nesting (most tensors have two levels), up to {@code MAX_DEPTH}. */
    private long[] path = new long[4];
    /** Nested mode: each dimension once its first array has closed, -1 before. */
    private long[] dims = {-1, -1, -1, -1};
    private int rank = -1;
    /** Flat mode: the declared shape, for messages. */
    private long[] declared;
    private byte[] buf;
    private int size;
    private long count;

    JsonTensorReader(JsonParser p, DType dtype, String name, long limit) {
        this.p = p;
        this.dtype = dtype;
        this.name = name;
        this.limit = limit;
        // room for a digits row (64 values); larger tensors double from there. Starting at 1,024
        // values made 4 KB of garbage per request, a quarter of everything a prediction allocated.
        this.buf = new byte[(int) Math.min(limit, 64) * dtype.bytes()];
    }

    /** A bare value where a nested array was expected: a scalar. */
    void scalar() throws IOException {
        JsonToken t = p.currentToken();
        if (t == null || t == JsonToken.START_OBJECT) {
            throw fail(0, "expected an array or a number, got " + describe(t));
        }
        value(t, 0);
        rank = 0;
    }

    /** On a {@code START_ARRAY} at {@code depth}; returns on its {@code END_ARRAY}. */
    void array(int depth) throws IOException {
        if (depth == MAX_DEPTH) {
            throw fail(depth, "arrays are nested deeper than " + MAX_DEPTH + " levels");
        }
        room(depth);
        long n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), n++) {
            path[depth] = n;
            if (t == null) {
                throw fail(depth, "the input ends inside the array");
            }
            if (t == JsonToken.START_ARRAY) {
                if (rank == depth + 1) {
                    throw fail(depth + 1, "expected " + expectation() + ", got an array");
                }
                array(depth + 1);
            } else {
                if (rank < 0) {
                    rank = depth + 1;
                } else if (rank != depth + 1) {
                    throw fail(depth + 1, "expected an array, got " + describe(t));
                }
                value(t, depth + 1);
            }
        }
        if (dims[depth] < 0) {
            dims[depth] = n;
            rank = rank < 0 ? depth + 1 : rank;
        } else if (dims[depth] != n) {
            String like = depth == 1 ? "row 0" : name + "[0]".repeat(depth);
            throw fail(depth, "expected " + dims[depth] + (dims[depth] == 1 ? " value" : " values") + " like " + like + ", got " + n);
        }
    }

    /** Makes {@link #path} and {@link #dims} reach {@code depth}. */
    private void room(int depth) {
        if (depth < path.length) {
            return;
        }
        int n = Math.min(MAX_DEPTH, Math.max(depth + 1, 2 * path.length));
        int had = dims.length;
        path = Arrays.copyOf(path, n);
        dims = Arrays.copyOf(dims, n);
        Arrays.fill(dims, had, n, -1);
    }

    /** Reads {@code data} of the declared shape, ignoring how it is nested. */
    void flat(long[] shape) throws IOException {
        declared = shape;
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            flatArray(0);
        } else {
            value(t, 0);
        }
        if (count != limit) {
            throw fail(0, "data has " + count + " values, shape " + Arrays.toString(shape) + " needs " + limit);
        }
    }

    private void flatArray(int depth) throws IOException {
        if (depth == MAX_DEPTH) {
            throw fail(depth, "arrays are nested deeper than " + MAX_DEPTH + " levels");
        }
        room(depth);
        long n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), n++) {
            path[depth] = n;
            if (t == null) {
                throw fail(depth, "the input ends inside the array");
            }
            if (t == JsonToken.START_ARRAY) {
                flatArray(depth + 1);
            } else {
                value(t, depth + 1);
            }
        }
    }

    /** The tensor read, with the shape learned from the nesting or, if given, {@code shape}. */
    Tensor tensor(long[] shape) {
        byte[] data = size == buf.length ? buf : Arrays.copyOf(buf, size);
        return new Tensor(dtype, shape != null ? shape : Arrays.copyOf(dims, rank), data);
    }

    // ---------------------------------------------------------------- values

    private void value(JsonToken t, int depth) throws IOException {
        if (count == limit) {
            throw fail(depth, declared == null ? "more than " + limit + " values"
                    : "data has more than " + limit + " values, shape " + Arrays.toString(declared) + " needs " + limit);
        }
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(Math.max(64, 2L * buf.length), limit * dtype.bytes()));
        }
        switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(t, depth);
            case VALUE_TRUE, VALUE_FALSE -> {
                if (dtype != DType.BOOL) {
                    throw fail(depth, "expected " + expectation() + ", got " + describe(t));
                }
                buf[size] = (byte) (t == JsonToken.VALUE_TRUE ? 1 : 0);
            }
            case VALUE_STRING -> nonFinite(depth);
            case null, default -> throw fail(depth, "expected " + expectation() + ", got " + describe(t));
        }
        size += dtype.bytes();
        count++;
    }

    private void number(JsonToken t, int depth) throws IOException {
        switch (dtype) {
            case FLOAT32 -> {
                float f = p.getFloatValue();
                if (Float.isInfinite(f) && isLiteral()) {
                    throw outOfRange(depth, "");
                }
                FLOAT.set(buf, size, f);
            }
            case FLOAT64 -> {
                double d = p.getDoubleValue();
                if (Double.isInfinite(d) && isLiteral()) {
                    throw outOfRange(depth, "");
                }
                DOUBLE.set(buf, size, d);
            }
            case BOOL -> {
                if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                        || (p.getIntValue() & ~1) != 0) {
                    throw fail(depth, "expected true or false, got " + text());
                }
                buf[size] = (byte) p.getIntValue();
            }
            case INT8 -> buf[size] = (byte) integer(t, depth, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case UINT8 -> buf[size] = (byte) integer(t, depth, 0, 255);
            case INT16 -> SHORT.set(buf, size, (short) integer(t, depth, Short.MIN_VALUE, Short.MAX_VALUE));
            case INT32 -> INT.set(buf, size, (int) integer(t, depth, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case INT64 -> LONG.set(buf, size, integer(t, depth, Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    /** An integer in {@code [min, max]}; a float token only if it is integral, such as {@code 3.0} or {@code 1e3}. */
    private long integer(JsonToken t, int depth, long min, long max) throws IOException {
        String range = max == Long.MAX_VALUE ? "" : " (" + min + " to " + max + ")";
        long v;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw outOfRange(depth, range);
            }
            v = p.getLongValue();
        } else {
            if (!isLiteral()) {
                throw fail(depth, "expected an integer, got " + text());
            }
            BigDecimal d;
            try {
                d = p.getDecimalValue();
            } catch (NumberFormatException e) {
                // an exponent beyond BigDecimal's int range, such as 1e99999999999
                if (text().matches(".*[eE]-.*")) {
                    throw fail(depth, text() + " is not an integer, as " + dtype.wire() + " needs");
                }
                throw outOfRange(depth, range);
            }
            if (d.signum() != 0 && d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
                throw fail(depth, text() + " is not an integer, as " + dtype.wire() + " needs");
            }
            try {
                v = d.longValueExact();
            } catch (ArithmeticException e) {
                throw outOfRange(depth, range);
            }
        }
        if (v < min || v > max) {
            throw outOfRange(depth, range);
        }
        return v;
    }

    /** JSON has no NaN or infinity, so {@link JsonTensors} writes them as these strings. */
    private void nonFinite(int depth) throws IOException {
        String s = dtype.isFloating() ? p.getText() : "";
        double v = switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw fail(depth, "expected " + expectation() + ", got a string");
        };
        if (dtype == DType.FLOAT32) {
            FLOAT.set(buf, size, (float) v);
        } else {
            DOUBLE.set(buf, size, v);
        }
    }

    /**
     * Whether the number token was written as digits. JSON numbers always end in a digit; only
     * Jackson's optional non-numeric numbers ({@code NaN}, {@code Infinity}) do not.
     */
    private boolean isLiteral() throws IOException {
        String s = p.getText();
        return !s.isEmpty() && Character.isDigit(s.charAt(s.length() - 1));
    }

    private TensorFormatException outOfRange(int depth, String range) throws IOException {
        return fail(depth, text() + " is out of range for " + dtype.wire() + range);
    }

    private String text() throws IOException {
        String s = p.getText();
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private String expectation() {
        return switch (dtype) {
            case BOOL -> "true or false";
            case FLOAT32, FLOAT64 -> "a number (or \"NaN\", \"Infinity\", \"-Infinity\")";
            default -> "a number";
        };
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case null -> "the end of the input";
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> t.asString() != null ? t.asString() : t.name();
        };
    }

    /** {@code name[1][2]: problem}, with the first {@code depth} indices of the current path. */
    private TensorFormatException fail(int depth, String problem) {
        StringBuilder b = new StringBuilder(name);
        for (int i = 0; i < depth; i++) {
            b.append('[').append(path[i]).append(']');
        }
        return new TensorFormatException(b.append(": ").append(problem).toString());
    }
}
