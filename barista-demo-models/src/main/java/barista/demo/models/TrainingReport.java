package barista.demo.models;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How a demo model came out of training, for the build log and for tests.
 *
 * @param trainingAccuracy share of the training rows the Java model classifies right
 * @param heldOutAccuracy  the same on rows kept out of training; empty when all rows trained
 * @param trainingTime     wall time of training alone (not loading data or writing ONNX)
 * @param onnxBytes        size of the serialised ONNX model
 */
public record TrainingReport(String model, double trainingAccuracy, OptionalDouble heldOutAccuracy,
                             Duration trainingTime, int onnxBytes) {
    /** One line for a build log: accuracies, size and training time. */
    public String summary() {
        String heldOut = heldOutAccuracy.isPresent()
                ? String.format(Locale.ROOT, ", held-out accuracy %.3f", heldOutAccuracy.getAsDouble())
                : "";
        return String.format(Locale.ROOT, "%s: training accuracy %.3f%s, %d bytes, trained in %d ms",
                model, trainingAccuracy, heldOut, onnxBytes, trainingTime.toMillis());
    }
}
