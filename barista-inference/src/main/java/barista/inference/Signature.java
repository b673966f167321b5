package barista.inference;

import java.util.List;

/**
 * A model's inputs and outputs, in the order the model file declares them.
 */
public record Signature(List<TensorSpec> inputs, List<TensorSpec> outputs) {
    public Signature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
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

    /** Whether every input's first dimension is open, so requests can share a batch. */
    public boolean batchable() {
        return inputs.stream().allMatch(TensorSpec::batchable) && outputs.stream().allMatch(TensorSpec::batchable);
    }
}
