package barista.demo.models;

/**
 * A demo model after training: the Java classifier, its ONNX bytes (made from that classifier),
 * its server config and how training went. Built once per JVM; {@code onnx} is never handed out
 * without copying.
 */
record TrainedModel(String name, Classifier classifier, byte[] onnx, ModelConfig config, TrainingReport report) {
}
