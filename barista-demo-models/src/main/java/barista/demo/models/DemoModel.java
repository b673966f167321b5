package barista.demo.models;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the demo models, trained on first use and then kept for the life of the JVM (about a
 * second for all three; the class-initialisation lock makes the first use safe from any thread).
 * Every method may be called from any thread. Handy for parameterised tests:
 * {@code @EnumSource(DemoModel.class)}.
 *
 * <p>All three take float32 {@code input [batch, features]} and give float32
 * {@code output [batch, classes]}, the class probabilities, in the order of {@link #labels()}.
 */
public enum DemoModel {
    /** Iris species from 4 measurements in cm: softmax regression, 150 training rows. */
    IRIS("iris"),
    /** Handwritten digits from 64 pixels 0..16: MLP 64-64-10, 80% of 1,797 rows trained. */
    DIGITS("digits"),
    /** Benchmark: the digits MLP widened to 64-1024-1024-10, same predictions, ~1.1M multiply-adds a row. */
    WIDE("wide");

    private final String modelName;

    DemoModel(String modelName) {
        this.modelName = modelName;
    }

    /** The directory name under the models directory: {@code iris}, {@code digits} or {@code wide}. */
    public String modelName() {
        return modelName;
    }

    /** Writes version 1; see {@link #write(Path, String)}. */
    public Path write(Path modelsDir) {
        return write(modelsDir, "1");
    }

    /**
     * Writes {@code modelsDir/<name>/<version>/model.onnx} and {@code modelsDir/<name>/config.json},
     * creating directories and replacing existing files. Returns the model file's path.
     */
    public Path write(Path modelsDir, String version) {
        TrainedModel model = trained();
        return ModelDirectory.write(modelsDir, modelName, version, model.onnx(), model.config());
    }

    /** The serialised ONNX model; a fresh copy each call. */
    public byte[] onnx() {
        return trained().onnx().clone();
    }

    public ModelConfig config() {
        return trained().config();
    }

    public List<String> labels() {
        return trained().config().labels();
    }

    public TrainingReport report() {
        return trained().report();
    }

    /** Width of a row of {@code input}: 4 for iris, 64 for digits and wide. */
    public int inputWidth() {
        return trained().classifier().inputs();
    }

    /** Class probabilities from the Java twin of the ONNX graph, one row per input row. */
    public float[][] probabilities(float[][] rows) {
        return trained().classifier().probabilities(rows);
    }

    /** Most probable class index per row, from the Java twin of the ONNX graph. */
    public int[] predict(float[][] rows) {
        return trained().classifier().predict(rows);
    }

    TrainedModel trained() {
        return switch (this) {
            case IRIS -> Iris.MODEL;
            case DIGITS -> Digits.MODEL;
            case WIDE -> Wide.MODEL;
        };
    }

    private static final class Iris {
        static final TrainedModel MODEL = ModelRecipes.iris();
    }

    private static final class Digits {
        static final TrainedModel MODEL = ModelRecipes.digits();
    }

    private static final class Wide {
        static final TrainedModel MODEL = ModelRecipes.wide(Digits.MODEL);
    }
}
