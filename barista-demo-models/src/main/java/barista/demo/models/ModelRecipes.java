package barista.demo.models;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * The three demo models: which data, which trainer and settings, which server config. Settings
 * are fixed (seeds included), so each recipe gives the same bytes on every build; changing one
 * changes the models every test and benchmark sees.
 */
final class ModelRecipes {
    static final long SEED = 20_240_601L;
    static final int DIGITS_HIDDEN = 64;
    static final int WIDE_WIDTH = 2048;
    /** Share of digits rows kept out of training to measure accuracy honestly. */
    static final double DIGITS_HELD_OUT = 0.2;

    private static final ModelConfig.Batching DEFAULT_BATCHING = new ModelConfig.Batching(64, 500, 2048, 1000);
    private static final ModelConfig.Batching BENCHMARK_BATCHING = new ModelConfig.Batching(64, 1000, 4096, 2000);

    private ModelRecipes() {
    }

    static TrainedModel iris() {
        Dataset data = BundledData.iris();
        long start = System.nanoTime();
        Classifier classifier = SoftmaxRegression.train(data, 2000, 0.5, 1e-4);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        var config = new ModelConfig(
                "Iris species from sepal and petal measurements (logistic regression, trained at build time)",
                data.classNames(), DEFAULT_BATCHING, new float[][] {data.features()[0]});
        return finish("iris", classifier, config, classifier.accuracy(data), OptionalDouble.empty(), took);
    }

    static TrainedModel digits() {
        Dataset data = BundledData.digits();
        Split split = split(data);
        long start = System.nanoTime();
        Classifier classifier = MlpTrainer.train(split.train(), new MlpTrainer.Settings(
                new int[] {data.width(), DIGITS_HIDDEN, data.classNames().size()}, 20, 32, 0.003, 1.0 / 16, SEED));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        var config = new ModelConfig(
                "Handwritten digit from an 8x8 image, 64 pixels 0..16 row by row (MLP 64-" + DIGITS_HIDDEN
                        + "-10, trained at build time)",
                data.classNames(), DEFAULT_BATCHING, new float[][] {data.features()[0]});
        return finish("digits", classifier, config, classifier.accuracy(split.train()),
                OptionalDouble.of(classifier.accuracy(split.heldOut())), took);
    }

    static TrainedModel wide(TrainedModel digits) {
        Dataset data = BundledData.digits();
        Split split = split(data);
        long start = System.nanoTime();
        Classifier classifier = WideClassifier.widen(digits.classifier(), WIDE_WIDTH, SEED);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        var config = new ModelConfig(
                "Benchmark model: the digits classifier widened to 64-" + WIDE_WIDTH + "-" + WIDE_WIDTH
                        + "-10 so per-row compute matters; 64 pixels 0..16 row by row",
                data.classNames(), BENCHMARK_BATCHING, new float[][] {data.features()[0]});
        return finish("wide", classifier, config, classifier.accuracy(split.train()),
                OptionalDouble.of(classifier.accuracy(split.heldOut())), took);
    }

    record Split(Dataset train, Dataset heldOut, int[] heldOutRows) {
    }

    /** A seeded shuffle of the digits rows; the first fifth is held out. */
    static Split split(Dataset data) {
        int[] order = new int[data.rows()];
        Arrays.setAll(order, i -> i);
        MlpTrainer.shuffle(order, new Random(SEED));
        int heldOut = (int) Math.round(data.rows() * DIGITS_HELD_OUT);
        int[] heldOutRows = Arrays.copyOfRange(order, 0, heldOut);
        int[] trainRows = Arrays.copyOfRange(order, heldOut, order.length);
        return new Split(data.select(trainRows), data.select(heldOutRows), heldOutRows);
    }

    private static TrainedModel finish(String name, Classifier classifier, ModelConfig config,
                                       double trainingAccuracy, OptionalDouble heldOut, Duration took) {
        byte[] onnx = OnnxModelWriter.classifier(name, config.description(), classifier);
        var report = new TrainingReport(name, trainingAccuracy, heldOut, took, onnx.length);
        return new TrainedModel(name, classifier, onnx, config, report);
    }
}
