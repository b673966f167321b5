package barista.demo.models;

import java.util.List;

/**
 * The Java twin of an exported model: dense layers, then softmax over the classes. It runs the
 * same float32 arithmetic as the ONNX graph (up to summation order), so tests can compare the
 * two row by row. Immutable and safe to share between threads.
 */
record Classifier(List<DenseLayer> layers) {
    Classifier {
        layers = List.copyOf(layers);
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).inputs()
                        + " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).outputs());
            }
        }
        if (layers.getLast().relu()) {
            throw new IllegalArgumentException("the last layer feeds softmax and must not have ReLU");
        }
    }

    int inputs() {
        return layers.getFirst().inputs();
    }

    int classes() {
        return layers.getLast().outputs();
    }

    float[] probabilities(float[] row) {
        if (row.length != inputs()) {
            throw new IllegalArgumentException("row has " + row.length + " features, model takes " + inputs());
        }
        float[] x = row;
        for (DenseLayer layer : layers) {
            x = layer.apply(x);
        }
        return softmax(x);
    }

    float[][] probabilities(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = probabilities(rows[r]);
        }
        return out;
    }

    int[] predict(float[][] rows) {
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = argmax(probabilities(rows[r]));
        }
        return out;
    }

    double accuracy(Dataset data) {
        int[] predicted = predict(data.features());
        int right = 0;
        for (int r = 0; r < predicted.length; r++) {
            if (predicted[r] == data.labels()[r]) {
                right++;
            }
        }
        return (double) right / predicted.length;
    }

    /** Index of the largest value; the first one on a tie, as numpy's argmax. */
    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float[] softmax(float[] logits) {
        float max = logits[argmax(logits)];
        float[] p = new float[logits.length];
        float sum = 0f;
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
