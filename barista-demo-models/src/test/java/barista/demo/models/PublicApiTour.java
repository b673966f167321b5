package barista.demo.models;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Compile-only: calls every public method of this module, so changing the public API breaks the
 * build here first. Never run (no {@code @Test}).
 */
@SuppressWarnings("unused")
final class PublicApiTour {
    private PublicApiTour() {
    }

    static void tour(Path dir) {
        List<Path> all = DemoModels.writeAll(dir);
        Path p = DemoModels.writeIris(dir);
        p = DemoModels.writeIris(dir, "2");
        p = DemoModels.writeDigits(dir);
        p = DemoModels.writeDigits(dir, "2");
        p = DemoModels.writeWide(dir);
        p = DemoModels.writeWide(dir, "2");
        byte[] b = DemoModels.irisOnnx();
        b = DemoModels.digitsOnnx();
        b = DemoModels.wideOnnx();
        float[][] x = DemoModels.irisFeatures();
        int[] y = DemoModels.irisLabels();
        x = DemoModels.digitsFeatures();
        y = DemoModels.digitsLabels();
        y = DemoModels.digitsHeldOutRows();
        y = DemoModels.irisPredictions(x);
        x = DemoModels.irisProbabilities(x);
        y = DemoModels.digitsPredictions(x);
        x = DemoModels.digitsProbabilities(x);
        y = DemoModels.widePredictions(x);
        x = DemoModels.wideProbabilities(x);
        DemoModels.main(new String[] {dir.toString()});

        DemoModel model = DemoModel.valueOf("IRIS");
        String name = model.modelName();
        p = model.write(dir);
        p = model.write(dir, "3");
        b = model.onnx();
        List<String> labels = model.labels();
        int width = model.inputWidth();
        x = model.probabilities(x);
        y = model.predict(x);

        ModelConfig config = model.config();
        String json = config.toJson();
        String description = config.description();
        labels = config.labels();
        float[][] warmup = config.warmupInput();
        ModelConfig.Batching batching = config.batching();
        int n = batching.maxBatchSize() + batching.maxQueueDelayMicros() + batching.maxQueue()
                + batching.timeoutMillis();
        config = new ModelConfig("d", List.of("a"), new ModelConfig.Batching(1, 2, 3, 4), new float[][] {{1f}});

        TrainingReport report = model.report();
        String summary = report.summary();
        double accuracy = report.trainingAccuracy();
        OptionalDouble heldOut = report.heldOutAccuracy();
        Duration took = report.trainingTime();
        n = report.onnxBytes();
        name = report.model();

        b = TestModels.corruptOnnx();
        p = TestModels.writeCorrupt(dir, "broken");
        b = TestModels.identityOnnx("int64");
        p = TestModels.writeIdentity(dir, "id", "bool");
        p = TestModels.writeIdentity(dir, "id", "bool", "2");
        b = TestModels.twoInputsOnnx();
        p = TestModels.writeTwoInputs(dir, "add");
        p = TestModels.writeTwoInputs(dir, "add", "2");
        n = TestModels.WIDTH + TestModels.TWO_INPUTS_WIDTH;
    }
}
