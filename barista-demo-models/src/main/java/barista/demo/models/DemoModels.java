package barista.demo.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point: writes the demo models into a models directory, and hands tests the data and the
 * Java model's answers to check the ONNX output against. Shorthands for {@link DemoModel}.
 *
 * <p>Layout written, per model: {@code <models>/<name>/<version>/model.onnx} and
 * {@code <models>/<name>/config.json} (see {@link ModelConfig}). Writing blocks on file IO and
 * throws {@link java.io.UncheckedIOException}; training happens once per JVM, on first use. Arrays
 * returned are fresh copies, safe to change.
 *
 * <p>From the command line: {@code java barista.demo.models.DemoModels <models-dir>}.
 */
public final class DemoModels {
    private DemoModels() {
    }

    /** Writes iris, digits and wide as version 1; returns the model files written. */
    public static List<Path> writeAll(Path modelsDir) {
        List<Path> written = new ArrayList<>();
        for (DemoModel model : DemoModel.values()) {
            written.add(model.write(modelsDir));
        }
        return written;
    }

    public static Path writeIris(Path modelsDir) {
        return DemoModel.IRIS.write(modelsDir);
    }

    public static Path writeIris(Path modelsDir, String version) {
        return DemoModel.IRIS.write(modelsDir, version);
    }

    public static Path writeDigits(Path modelsDir) {
        return DemoModel.DIGITS.write(modelsDir);
    }

    public static Path writeDigits(Path modelsDir, String version) {
        return DemoModel.DIGITS.write(modelsDir, version);
    }

    /** The benchmark model; see {@link DemoModel#WIDE}. */
    public static Path writeWide(Path modelsDir) {
        return DemoModel.WIDE.write(modelsDir);
    }

    public static Path writeWide(Path modelsDir, String version) {
        return DemoModel.WIDE.write(modelsDir, version);
    }

    public static byte[] irisOnnx() {
        return DemoModel.IRIS.onnx();
    }

    public static byte[] digitsOnnx() {
        return DemoModel.DIGITS.onnx();
    }

    public static byte[] wideOnnx() {
        return DemoModel.WIDE.onnx();
    }

    /** All 150 iris rows: sepal length, sepal width, petal length, petal width, in cm. */
    public static float[][] irisFeatures() {
        return copy(BundledData.iris().features());
    }

    /** Species per iris row: 0 setosa, 1 versicolor, 2 virginica. */
    public static int[] irisLabels() {
        return BundledData.iris().labels().clone();
    }

    /** All 1,797 digits rows: 64 pixels 0..16, row by row (the input of digits and wide). */
    public static float[][] digitsFeatures() {
        return copy(BundledData.digits().features());
    }

    /** The digit 0..9 per digits row. */
    public static int[] digitsLabels() {
        return BundledData.digits().labels().clone();
    }

    /** Indices of the digits rows kept out of training (a seeded fifth), ascending order not promised. */
    public static int[] digitsHeldOutRows() {
        return ModelRecipes.split(BundledData.digits()).heldOutRows().clone();
    }

    public static int[] irisPredictions(float[][] rows) {
        return DemoModel.IRIS.predict(rows);
    }

    public static float[][] irisProbabilities(float[][] rows) {
        return DemoModel.IRIS.probabilities(rows);
    }

    public static int[] digitsPredictions(float[][] rows) {
        return DemoModel.DIGITS.predict(rows);
    }

    public static float[][] digitsProbabilities(float[][] rows) {
        return DemoModel.DIGITS.probabilities(rows);
    }

    public static int[] widePredictions(float[][] rows) {
        return DemoModel.WIDE.predict(rows);
    }

    public static float[][] wideProbabilities(float[][] rows) {
        return DemoModel.WIDE.probabilities(rows);
    }

    /** {@code args[0]}: the models directory. Writes all three and prints one line per model. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DemoModels <models-dir> [iris|digits|wide ...]   (all when none named)");
            System.exit(2);
        }
        Path modelsDir = Path.of(args[0]);
        java.util.Set<String> names = java.util.Set.of(java.util.Arrays.copyOfRange(args, 1, args.length));
        for (DemoModel model : DemoModel.values()) {
            if (!names.isEmpty() && !names.contains(model.modelName())) {
                continue;
            }
            Path written = model.write(modelsDir);
            System.out.println("wrote " + written + " (" + model.report().summary() + ")");
        }
    }

    private static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
