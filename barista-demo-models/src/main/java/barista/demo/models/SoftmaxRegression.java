package barista.demo.models;

import java.util.Arrays;
import java.util.List;

/**
 * Multinomial logistic regression trained by full-batch gradient descent. Full batch from zero
 * weights needs no random numbers, so the result depends only on the data and the settings.
 *
 * <p>Features are standardised while training, which lets one learning rate suit centimetres of
 * sepal and of petal alike; the standardisation is then folded into the weights and bias, so
 * the exported model takes the raw measurements.
 */
final class SoftmaxRegression {
    private SoftmaxRegression() {
    }

    static Classifier train(Dataset data, int iterations, double learningRate, double l2) {
        int n = data.rows();
        int d = data.width();
        int k = data.classNames().size();
        double[] mean = new double[d];
        double[] sd = new double[d];
        double[][] z = standardise(data.features(), mean, sd);

        double[][] w = new double[d][k];
        double[] b = new double[k];
        double[][] gw = new double[d][k];
        double[] gb = new double[k];
        double[] p = new double[k];
        for (int it = 0; it < iterations; it++) {
            for (double[] row : gw) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(gb, 0);
            for (int r = 0; r < n; r++) {
                probabilities(z[r], w, b, p);
                p[data.labels()[r]] -= 1; // now dLoss/dLogits for cross-entropy
                for (int c = 0; c < k; c++) {
                    gb[c] += p[c];
                    for (int i = 0; i < d; i++) {
                        gw[i][c] += z[r][i] * p[c];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                b[c] -= learningRate * gb[c] / n;
                for (int i = 0; i < d; i++) {
                    w[i][c] -= learningRate * (gw[i][c] / n + l2 * w[i][c]);
                }
            }
        }
        return fold(w, b, mean, sd);
    }

    /** z = (x - mean) / sd, filling {@code mean} and {@code sd} (population) per column. */
    private static double[][] standardise(float[][] x, double[] mean, double[] sd) {
        int n = x.length;
        int d = mean.length;
        for (float[] row : x) {
            for (int i = 0; i < d; i++) {
                mean[i] += row[i] / (double) n;
            }
        }
        for (float[] row : x) {
            for (int i = 0; i < d; i++) {
                sd[i] += (row[i] - mean[i]) * (row[i] - mean[i]) / n;
            }
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < d; i++) {
            sd[i] = sd[i] > 0 ? Math.sqrt(sd[i]) : 1;
            for (int r = 0; r < n; r++) {
                z[r][i] = (x[r][i] - mean[i]) / sd[i];
            }
        }
        return z;
    }

    private static void probabilities(double[] z, double[][] w, double[] b, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < p.length; c++) {
            p[c] = b[c];
            for (int i = 0; i < z.length; i++) {
                p[c] += z[i] * w[i][c];
            }
            max = Math.max(max, p[c]);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    /** w·(x - mean)/sd + b  =  (w/sd)·x + (b - Σ w·mean/sd). */
    private static Classifier fold(double[][] w, double[] b, double[] mean, double[] sd) {
        int d = w.length;
        int k = b.length;
        float[][] weights = new float[d][k];
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            double shift = b[c];
            for (int i = 0; i < d; i++) {
                weights[i][c] = (float) (w[i][c] / sd[i]);
                shift -= w[i][c] * mean[i] / sd[i];
            }
            bias[c] = (float) shift;
        }
        return new Classifier(List.of(new DenseLayer(weights, bias, false)));
    }
}
