package barista.inference;

import barista.inference.tensor.DType;
import barista.inference.tensor.Tensor;
import java.util.Arrays;

/**
 * One named input or output of a model: its element type and shape, where {@code -1} marks a
 * dimension the model leaves open (the batch, usually). Read from the model file itself, so the
 * checks and the API docs follow whatever version is loaded.
 */
public record TensorSpec(String name, DType dtype, long[] shape) {
    public TensorSpec {
        shape = shape.clone();
    }

    /** The shape, a copy: {@code -1} for an open dimension. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Whether dimension 0 is open, so rows from many requests can be stacked into one call. */
    public boolean batchable() {
        return shape.length > 0 && shape[0] < 0;
    }

    /**
     * Why {@code t} does not fit this spec, or {@code null} if it does: the same element type, the
     * same number of dimensions, and every fixed dimension equal.
     */
    public String mismatch(Tensor t) {
        if (t.dtype() != dtype) {
            return "expected " + dtype.wire() + " values, got " + t.dtype().wire();
        }
        if (t.shape().length != shape.length) {
            return "expected shape " + describeShape() + ", got " + Arrays.toString(t.shape()).replace(" ", "");
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0 && shape[i] != t.shape()[i]) {
                return "expected shape " + describeShape() + ", got " + Arrays.toString(t.shape()).replace(" ", "");
            }
        }
        return null;
    }

    /** {@code [batch,4]}: open dimensions shown as {@code batch} (the first) or {@code n}. */
    public String describeShape() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(shape[i] >= 0 ? Long.toString(shape[i]) : i == 0 ? "batch" : "n");
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec s && s.name.equals(name) && s.dtype == dtype && Arrays.equals(s.shape, shape);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + dtype.hashCode()) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + ": " + dtype.wire() + describeShape();
    }
}
