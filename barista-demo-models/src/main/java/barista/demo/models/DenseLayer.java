package barista.demo.models;

/**
 * One fully connected layer, {@code y = x · weights + bias}, optionally followed by ReLU. The
 * weights are laid out {@code [inputs][outputs]}, which is exactly ONNX Gemm's {@code B} with
 * {@code transB = 0}, so export copies them as they are.
 */
record DenseLayer(float[][] weights, float[] bias, boolean relu) {
    DenseLayer {
        for (float[] row : weights) {
            if (row.length != bias.length) {
                throw new IllegalArgumentException("weights row of " + row.length + " for " + bias.length + " outputs");
            }
        }
    }

    int inputs() {
        return weights.length;
    }

    int outputs() {
        return bias.length;
    }

    /** Row-major copy of the weights, as ONNX stores a 2-D tensor. */
    float[] flatWeights() {
        float[] flat = new float[inputs() * outputs()];
        for (int i = 0; i < inputs(); i++) {
            System.arraycopy(weights[i], 0, flat, i * outputs(), outputs());
        }
        return flat;
    }

    float[] apply(float[] x) {
        float[] y = bias.clone();
        for (int i = 0; i < x.length; i++) {
            float xi = x[i];
            if (xi == 0f) {
                continue; // ReLU outputs and blank pixels are mostly zero
            }
            float[] w = weights[i];
            for (int j = 0; j < y.length; j++) {
                y[j] += xi * w[j];
            }
        }
        if (relu) {
            for (int j = 0; j < y.length; j++) {
                y[j] = Math.max(0f, y[j]);
            }
        }
        return y;
    }
}
