package barista.inference;

import java.util.List;

/**
 * A model's inputs and outputs, in the order the model file declares them. A value: two
 * signatures with the same specs are equal.
 */
public final class Signature {
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final boolean batchable;

    public Signature(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.batchable = this.inputs.stream().allMatch(TensorSpec::batchable)
                && this.outputs.stream().allMatch(TensorSpec::batchable);
    }

    public List<TensorSpec> inputs() {
        return inputs;
    }

    public List<TensorSpec> outputs() {
        return outputs;
    }

    /**
     * Whether every input's and output's first dimension is open, so requests can share a batch.
     * Computed once: every request asks.
     */
    public boolean batchable() {
        return batchable;
    }

    /** The input with this name, or {@code null}. */
    public TensorSpec input(String name) {
        for (TensorSpec s : inputs) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** The output with this name, or {@code null}. */
    public TensorSpec output(String name) {
        for (TensorSpec s : outputs) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && s.inputs.equals(inputs) && s.outputs.equals(outputs);
    }

    @Override
    public int hashCode() {
        return inputs.hashCode() * 31 + outputs.hashCode();
    }

    @Override
    public String toString() {
        return inputs + " -> " + outputs;
    }
}
