package barista.inference.tensor;

import java.util.Locale;

/**
 * The element types a tensor may hold, with their names in each format Barista speaks: ONNX
 * Runtime's, NumPy's {@code .npy} descriptor and the Open Inference Protocol's datatype.
 */
public enum DType {
    FLOAT32(4, "<f4", "FP32", "float32"),
    FLOAT64(8, "<f8", "FP64", "float64"),
    INT8(1, "|i1", "INT8", "int8"),
    UINT8(1, "|u1", "UINT8", "uint8"),
    INT16(2, "<i2", "INT16", "int16"),
    INT32(4, "<i4", "INT32", "int32"),
    INT64(8, "<i8", "INT64", "int64"),
    BOOL(1, "|b1", "BOOL", "bool");

    private final int bytes;
    private final String npy;
    private final String kserve;
    private final String wire;

    DType(int bytes, String npy, String kserve, String wire) {
        this.bytes = bytes;
        this.npy = npy;
        this.kserve = kserve;
        this.wire = wire;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The little-endian NumPy descriptor, e.g. {@code <f4}. */
    public String npy() {
        return npy;
    }

    /** The Open Inference Protocol (KServe v2) datatype, e.g. {@code FP32}. */
    public String kserve() {
        return kserve;
    }

    /** The lower-case name used in Barista's own JSON and messages, e.g. {@code float32}. */
    public String wire() {
        return wire;
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }

    public boolean isInteger() {
        return !isFloating() && this != BOOL;
    }

    /** The type with this KServe datatype name, or {@code null}. */
    public static DType ofKserve(String name) {
        for (DType t : values()) {
            if (t.kserve.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The type with this wire name ({@code float32}), case-insensitively, or {@code null}. */
    public static DType ofWire(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (DType t : values()) {
            if (t.wire.equals(n)) {
                return t;
            }
        }
        return null;
    }
}
