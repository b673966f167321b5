package barista.inference.tensor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The header of a {@code .npy} file: a Python dict literal such as {@code {'descr': '<f4',
 * 'fortran_order': False, 'shape': (2, 4), }}. NumPy reads it with {@code ast.literal_eval}, so
 * files from other writers vary in spacing, key order, quotes and trailing commas; this parses the
 * small part of Python's literal syntax that can appear, rather than matching numpy's exact text.
 *
 * <p>Threading: immutable; the parser is stateless from the outside. Any thread.
 *
 * @param dtype        the element type
 * @param descr        the descriptor as written in the file, e.g. {@code >f4}, for messages
 * @param bigEndian    whether the data must be byte-swapped into little-endian
 * @param fortranOrder whether the data is column-major
 * @param shape        the dimensions, each at most {@link Integer#MAX_VALUE}
 */
record NpyHeader(DType dtype, String descr, boolean bigEndian, boolean fortranOrder, long[] shape) {
    /** NumPy refuses longer headers by default ({@code max_header_size}) for the same reason. */
    static final int MAX_HEADER_BYTES = 10_000;
    /** More dimensions than any model takes; bounds the work a hostile header can ask for. */
    static final int MAX_RANK = 32;

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    private static final String SUPPORTED = "<f4, <f8, |i1, |u1, <i2, <i4, <i8, |b1, or '>' for big-endian";

    /** Parses and checks a header; any problem is a {@link TensorFormatException}. */
    static NpyHeader parse(String text) {
        Object top = new Literal(text).document();
        if (!(top instanceof Map<?, ?> dict)) {
            throw new TensorFormatException(".npy header is not a dict: " + clip(repr(top)));
        }
        if (!dict.keySet().equals(KEYS)) {
            List<String> keys = new ArrayList<>();
            dict.keySet().forEach(k -> keys.add(repr(k)));
            throw new TensorFormatException(".npy header must have exactly the keys 'descr', 'fortran_order' and"
                    + " 'shape', got " + clip(String.join(", ", keys)));
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new TensorFormatException(".npy fortran_order must be True or False, got "
                    + clip(repr(dict.get("fortran_order"))));
        }
        long[] shape = shape(dict.get("shape"));
        if (!(dict.get("descr") instanceof String descr)) {
            throw new TensorFormatException("unsupported dtype " + clip(repr(dict.get("descr")))
                    + ": structured arrays are not supported (supported: " + SUPPORTED + ")");
        }
        DType dtype = dtype(descr);
        return new NpyHeader(dtype, descr, descr.charAt(0) == '>' && dtype.bytes() > 1, fortran, shape);
    }

    /** The element count; {@link #parse} has already checked that it fits in a long. */
    long count() {
        return Tensor.count(shape);
    }

    /** The header text numpy writes for a C-order little-endian tensor, without padding. */
    static String format(DType dtype, long[] shape) {
        return "{'descr': '" + dtype.npy() + "', 'fortran_order': False, 'shape': " + pythonShape(shape) + ", }";
    }

    /** A shape as Python prints a tuple: {@code (2, 4)}, {@code (3,)}, {@code ()}. */
    static String pythonShape(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (long d : shape) {
            j.add(Long.toString(d));
        }
        return j.toString();
    }

    private static DType dtype(String descr) {
        if (descr.length() == 3) {
            char order = descr.charAt(0);
            String kind = descr.substring(1);
            for (DType t : DType.values()) {
                if (t.npy().substring(1).equals(kind)
                        && (order == '<' || order == '>' || order == '|' && t.bytes() == 1)) {
                    return t;
                }
            }
        }
        throw new TensorFormatException("unsupported dtype " + clip(repr(descr)) + " (supported: " + SUPPORTED + ")");
    }

    private static long[] shape(Object value) {
        if (!(value instanceof Tuple(List<Object> items)) || !items.stream().allMatch(BigInteger.class::isInstance)) {
            throw new TensorFormatException(".npy shape must be a tuple of integers, got " + clip(repr(value)));
        }
        if (items.size() > MAX_RANK) {
            throw new TensorFormatException(".npy shape has " + items.size() + " dimensions, more than the "
                    + MAX_RANK + " supported");
        }
        long[] shape = new long[items.size()];
        long nonZeroProduct = 1;
        for (int i = 0; i < shape.length; i++) {
            BigInteger d = (BigInteger) items.get(i);
            if (d.signum() < 0 || d.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new TensorFormatException(".npy shape " + clip(repr(value)) + " has dimension " + clip(d.toString())
                        + ", outside 0.." + Integer.MAX_VALUE);
            }
            shape[i] = d.longValueExact();
            if (shape[i] != 0) {
                long p = nonZeroProduct * shape[i];
                if (Math.multiplyHigh(nonZeroProduct, shape[i]) != 0 || p < 0) {
                    throw new TensorFormatException(".npy shape " + clip(repr(value)) + " has too many elements");
                }
                nonZeroProduct = p;
            }
        }
        return shape;
    }

    // ---------------------------------------------------------------- Python literals

    /** A Python tuple; a {@link List} stands for a Python list. */
    private record Tuple(List<Object> items) {
    }

    /** Python's {@code None}, which a {@link Map} cannot hold as a plain null value in messages. */
    private static final Object NONE = new Object();

    /**
     * A recursive-descent reader for dicts, tuples, lists, strings, integers (with Python 2's
     * {@code L} suffix), {@code True}, {@code False} and {@code None}.
     */
    private static final class Literal {
        private static final int MAX_NESTING = 8;
        private final String s;
        private int pos;
        private int nesting;

        Literal(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            skipSpace();
            if (pos < s.length()) {
                throw error("unexpected " + describe(s.charAt(pos)) + " after the dict");
            }
            return v;
        }

        private Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("it ends early");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> dict();
                case '(' -> tuple();
                case '[' -> list();
                case '\'', '"' -> string();
                default -> {
                    if (c == '-' || c == '+' || c >= '0' && c <= '9') {
                        yield integer();
                    }
                    if (Character.isLetter(c)) {
                        yield name();
                    }
                    throw error("unexpected " + describe(c));
                }
            };
        }

        private Map<Object, Object> dict() {
            enter();
            Map<Object, Object> map = new LinkedHashMap<>();
            pos++;
            while (!closes('}')) {
                Object key = value();
                expect(':');
                map.put(key, value());
                if (closes('}')) {
                    break;
                }
                expect(',');
            }
            nesting--;
            return map;
        }

        /** {@code (x)} is just x in Python; only a comma makes a tuple. */
        private Object tuple() {
            enter();
            pos++;
            List<Object> items = new ArrayList<>();
            boolean comma = false;
            while (!closes(')')) {
                items.add(value());
                if (closes(')')) {
                    break;
                }
                expect(',');
                comma = true;
            }
            nesting--;
            return items.size() == 1 && !comma ? items.getFirst() : new Tuple(items);
        }

        private List<Object> list() {
            enter();
            pos++;
            List<Object> items = new ArrayList<>();
            while (!closes(']')) {
                items.add(value());
                if (closes(']')) {
                    break;
                }
                expect(',');
            }
            nesting--;
            return items;
        }

        private String string() {
            char quote = s.charAt(pos++);
            StringBuilder b = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != quote) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                b.append(c);
            }
            if (pos >= s.length()) {
                throw error("a string is not closed");
            }
            pos++;
            return b.toString();
        }

        private BigInteger integer() {
            int start = pos;
            if (s.charAt(pos) == '-' || s.charAt(pos) == '+') {
                pos++;
            }
            int digits = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == digits) {
                throw error("a sign without digits");
            }
            BigInteger value = new BigInteger(s.substring(start, pos));
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                pos++;
            }
            if (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                throw error("only integers are allowed, got " + describe(s.charAt(pos)) + " in a number");
            }
            return value;
        }

        private Object name() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String word = s.substring(start, pos);
            return switch (word) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> NONE;
                default -> {
                    pos = start;
                    throw error("unexpected name '" + clip(word) + "'");
                }
            };
        }

        private void enter() {
            if (++nesting > MAX_NESTING) {
                throw error("nested more than " + MAX_NESTING + " levels");
            }
        }

        /** Skips space, then consumes {@code close} if it is next. */
        private boolean closes(char close) {
            skipSpace();
            if (pos >= s.length()) {
                throw error("it ends before '" + close + "'");
            }
            if (s.charAt(pos) == close) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            skipSpace();
            if (pos >= s.length()) {
                throw error("it ends before '" + c + "'");
            }
            if (s.charAt(pos) != c) {
                throw error("expected '" + c + "', got " + describe(s.charAt(pos)));
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < s.length() && " \t\n\r\f".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private TensorFormatException error(String problem) {
            return new TensorFormatException(".npy header is not a valid dict at character " + pos + ": " + problem);
        }

        private static String describe(char c) {
            return c >= ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
        }
    }

    /** Python's repr of a parsed value, for messages. */
    private static String repr(Object v) {
        return switch (v) {
            case null -> "nothing";
            case String str -> "'" + printable(str) + "'";
            case Boolean b -> b ? "True" : "False";
            case Tuple(List<Object> items) when items.size() == 1 -> "(" + repr(items.getFirst()) + ",)";
            case Tuple(List<Object> items) -> join(items, "(", ")");
            case List<?> items -> join(items, "[", "]");
            case Map<?, ?> map -> {
                StringJoiner j = new StringJoiner(", ", "{", "}");
                map.forEach((k, x) -> j.add(repr(k) + ": " + repr(x)));
                yield j.toString();
            }
            default -> v == NONE ? "None" : v.toString();
        };
    }

    private static String join(List<?> items, String open, String close) {
        StringJoiner j = new StringJoiner(", ", open, close);
        items.forEach(x -> j.add(repr(x)));
        return j.toString();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c >= ' ' && c < 0x7f) {
                b.appendCodePoint(c);
            } else {
                b.append(String.format("\\u%04x", c));
            }
        });
        return b.toString();
    }

    /** Keeps messages to one readable line whatever a client sends. */
    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
