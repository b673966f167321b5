package barista.demo.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A multilayer perceptron (ReLU hidden layers, softmax output) trained with minibatch Adam on
 * cross-entropy, single-threaded. {@link Random} with a fixed seed, whose algorithm the JDK
 * specifies, drives the initial weights and the shuffles, so every build trains the same model.
 *
 * <p>Inputs are multiplied by {@code inputScale} while training (pixels 0..16 become 0..1); the
 * scale is folded into the first layer's weights, so the exported model takes raw inputs.
 */
final class MlpTrainer {
    /**
     * @param sizes      layer widths from input to classes, e.g. {@code 64, 64, 10}
     * @param inputScale multiplies every input during training, folded into the result
     */
    record Settings(int[] sizes, int epochs, int batchSize, double learningRate, double inputScale, long seed) {
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final Settings settings;
    private final int layers;
    private final double[][][] w;
    private final double[][] b;
    private final double[][][] gw;
    private final double[][] gb;
    private final double[][][] mw;
    private final double[][][] vw;
    private final double[][] mb;
    private final double[][] vb;
    private final double[][] acts;
    private final double[][] deltas;
    private int step;

    private MlpTrainer(Settings settings) {
        this.settings = settings;
        int[] sizes = settings.sizes();
        layers = sizes.length - 1;
        w = new double[layers][][];
        b = new double[layers][];
        gw = new double[layers][][];
        gb = new double[layers][];
        mw = new double[layers][][];
        vw = new double[layers][][];
        mb = new double[layers][];
        vb = new double[layers][];
        acts = new double[sizes.length][];
        deltas = new double[sizes.length][];
        Random random = new Random(settings.seed());
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            w[l] = new double[in][out];
            double std = Math.sqrt((l < layers - 1 ? 2.0 : 1.0) / in); // He for ReLU, LeCun for the logits
            for (double[] row : w[l]) {
                for (int j = 0; j < out; j++) {
                    row[j] = random.nextGaussian() * std;
                }
            }
            b[l] = new double[out];
            gw[l] = new double[in][out];
            gb[l] = new double[out];
            mw[l] = new double[in][out];
            vw[l] = new double[in][out];
            mb[l] = new double[out];
            vb[l] = new double[out];
        }
        for (int l = 0; l < sizes.length; l++) {
            acts[l] = new double[sizes[l]];
            deltas[l] = new double[sizes[l]];
        }
    }

    static Classifier train(Dataset data, Settings settings) {
        if (data.width() != settings.sizes()[0]) {
            throw new IllegalArgumentException(data.name() + " has " + data.width() + " features, the network takes "
                    + settings.sizes()[0]);
        }
        MlpTrainer trainer = new MlpTrainer(settings);
        Random shuffler = new Random(settings.seed() + 1);
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, shuffler);
            for (int start = 0; start < order.length; start += settings.batchSize()) {
                int end = Math.min(order.length, start + settings.batchSize());
                trainer.clearGradients();
                for (int i = start; i < end; i++) {
                    trainer.accumulate(data.features()[order[i]], data.labels()[order[i]]);
                }
                trainer.adamStep(end - start);
            }
        }
        return trainer.toClassifier();
    }

    private void clearGradients() {
        for (int l = 0; l < layers; l++) {
            for (double[] row : gw[l]) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(gb[l], 0);
        }
    }

    /** Forward one example, then add its cross-entropy gradient to {@code gw} and {@code gb}. */
    private void accumulate(float[] x, int label) {
        for (int i = 0; i < x.length; i++) {
            acts[0][i] = x[i] * settings.inputScale();
        }
        for (int l = 0; l < layers; l++) {
            double[] in = acts[l];
            double[] out = acts[l + 1];
            System.arraycopy(b[l], 0, out, 0, out.length);
            for (int i = 0; i < in.length; i++) {
                double xi = in[i];
                if (xi == 0) {
                    continue;
                }
                double[] row = w[l][i];
                for (int j = 0; j < out.length; j++) {
                    out[j] += xi * row[j];
                }
            }
            if (l < layers - 1) {
                for (int j = 0; j < out.length; j++) {
                    out[j] = Math.max(0, out[j]);
                }
            }
        }
        double[] delta = deltas[layers];
        softmax(acts[layers], delta);
        delta[label] -= 1;
        for (int l = layers - 1; l >= 0; l--) {
            double[] in = acts[l];
            double[] d = deltas[l + 1];
            for (int j = 0; j < d.length; j++) {
                gb[l][j] += d[j];
            }
            for (int i = 0; i < in.length; i++) {
                double xi = in[i];
                if (xi == 0) {
                    deltas[l][i] = 0; // a ReLU that was off passes no gradient back
                    continue;
                }
                double[] g = gw[l][i];
                for (int j = 0; j < d.length; j++) {
                    g[j] += xi * d[j];
                }
                if (l > 0) {
                    double[] row = w[l][i];
                    double back = 0;
                    for (int j = 0; j < d.length; j++) {
                        back += row[j] * d[j];
                    }
                    deltas[l][i] = back;
                }
            }
        }
    }

    private void adamStep(int batch) {
        step++;
        double lr = settings.learningRate() * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < w[l].length; i++) {
                adam(w[l][i], gw[l][i], mw[l][i], vw[l][i], batch, lr);
            }
            adam(b[l], gb[l], mb[l], vb[l], batch, lr);
        }
    }

    private static void adam(double[] param, double[] grad, double[] m, double[] v, int batch, double lr) {
        for (int j = 0; j < param.length; j++) {
            double g = grad[j] / batch;
            m[j] = BETA1 * m[j] + (1 - BETA1) * g;
            v[j] = BETA2 * v[j] + (1 - BETA2) * g * g;
            param[j] -= lr * m[j] / (Math.sqrt(v[j]) + EPSILON);
        }
    }

    private Classifier toClassifier() {
        List<DenseLayer> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            double scale = l == 0 ? settings.inputScale() : 1;
            float[][] weights = new float[w[l].length][];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = new float[w[l][i].length];
                for (int j = 0; j < weights[i].length; j++) {
                    weights[i][j] = (float) (w[l][i][j] * scale);
                }
            }
            float[] bias = new float[b[l].length];
            for (int j = 0; j < bias.length; j++) {
                bias[j] = (float) b[l][j];
            }
            out.add(new DenseLayer(weights, bias, l < layers - 1));
        }
        return new Classifier(out);
    }

    private static void softmax(double[] logits, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(logits[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    /** Fisher-Yates; also used to split data sets, so the split follows the same seed rules. */
    static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
