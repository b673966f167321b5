package barista.inference;

import barista.inference.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a model answered for one request: the version that ran it and its outputs, each with
 * the request's own rows only.
 *
 * @param labels the model's class names (from its config), or empty
 */
public record Prediction(String model, String version, Map<String, Tensor> outputs, List<String> labels) {
    public Prediction {
        // the model's output order: "the first output" must mean the same one on every run
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        labels = List.copyOf(labels);
    }

    /** The model's first output, in the order the model declares them: for a classifier, its scores. */
    public Tensor output() {
        return outputs.values().iterator().next();
    }

    public Tensor output(String name) {
        Tensor t = outputs.get(name);
        if (t == null) {
            throw new IllegalArgumentException("model " + model + " has no output " + name + "; it has " + outputs.keySet());
        }
        return t;
    }

    /** Per row, the index of the largest value in {@code scores}'s last dimension: the class. */
    public static int[] argmax(Tensor scores) {
        int rows = scores.rows();
        long width = rows == 0 ? 0 : scores.count() / rows;
        int[] best = new int[rows];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < width; c++) {
                double v = scores.getDouble(r * width + c);
                if (v > max) {
                    max = v;
                    best[r] = c;
                }
            }
        }
        return best;
    }

    /** Per row, the class index from the first output. */
    public int[] classes() {
        return argmax(output());
    }

    /** Per row, the class name from {@link #labels}; the index as text where there is no label. */
    public List<String> classLabels() {
        List<String> names = new ArrayList<>();
        for (int c : classes()) {
            names.add(c < labels.size() ? labels.get(c) : Integer.toString(c));
        }
        return names;
    }
}
