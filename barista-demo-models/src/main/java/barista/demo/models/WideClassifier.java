package barista.demo.models;

import java.util.List;
import java.util.Random;

/**
 * Widens the trained digits network {@code 64 -> h -> 10} into {@code 64 -> width -> width -> 10}
 * for batching benchmarks, where per-row compute must dominate the per-call overhead. Training a
 * network that wide in plain Java would take far longer than a build should, so it is built:
 *
 * <ul>
 *   <li>layer 1: the digits hidden units, then {@code width - h} random ReLU units;</li>
 *   <li>layer 2: the first {@code h} units copy layer 1's first {@code h} (identity weights; ReLU
 *       of a ReLU output changes nothing), the rest are random ReLU units over all of layer 1;</li>
 *   <li>layer 3: the digits output weights on the first {@code h} units, zero on the rest.</li>
 * </ul>
 *
 * <p>So it classifies exactly like the digits model (up to float summation order) while every
 * row costs about {@code 64·width + width² + 10·width} multiply-adds. The random units use a
 * fixed seed. It is a benchmark model, not a better classifier.
 */
final class WideClassifier {
    private WideClassifier() {
    }

    static Classifier widen(Classifier digits, int width, long seed) {
        if (digits.layers().size() != 2) {
            throw new IllegalArgumentException("want a network with one hidden layer, got " + digits.layers().size()
                    + " layers");
        }
        DenseLayer hidden = digits.layers().get(0);
        DenseLayer logits = digits.layers().get(1);
        int inputs = hidden.inputs();
        int h = hidden.outputs();
        if (h > width) {
            throw new IllegalArgumentException("hidden width " + h + " exceeds " + width);
        }
        Random random = new Random(seed);
        // Pixels run 0..16, so the random first-layer weights are scaled like the trained ones (1/16).
        float[][] w1 = new float[inputs][width];
        float[] b1 = new float[width];
        for (int i = 0; i < inputs; i++) {
            System.arraycopy(hidden.weights()[i], 0, w1[i], 0, h);
            for (int j = h; j < width; j++) {
                w1[i][j] = (float) (random.nextGaussian() * Math.sqrt(2.0 / inputs) / 16);
            }
        }
        System.arraycopy(hidden.bias(), 0, b1, 0, h);

        float[][] w2 = new float[width][width];
        float[] b2 = new float[width];
        for (int i = 0; i < width; i++) {
            if (i < h) {
                w2[i][i] = 1f;
            }
            for (int j = h; j < width; j++) {
                w2[i][j] = (float) (random.nextGaussian() * Math.sqrt(2.0 / width));
            }
        }

        float[][] w3 = new float[width][logits.outputs()];
        for (int i = 0; i < h; i++) {
            System.arraycopy(logits.weights()[i], 0, w3[i], 0, logits.outputs());
        }
        float[] b3 = logits.bias().clone();
        return new Classifier(List.of(
                new DenseLayer(w1, b1, true), new DenseLayer(w2, b2, true), new DenseLayer(w3, b3, false)));
    }
}
