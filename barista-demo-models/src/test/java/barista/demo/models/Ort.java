package barista.demo.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Map;

/** Runs models in ONNX Runtime, the engine Barista serves them with, for the tests here. */
final class Ort {
    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private Ort() {
    }

    static OrtSession session(byte[] onnx) throws OrtException {
        return ENV.createSession(onnx, new OrtSession.SessionOptions());
    }

    /** Runs a model with one float input and one float output. */
    static float[][] run(OrtSession session, String input, float[][] rows) throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, rows);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            return (float[][]) result.get(0).getValue();
        }
    }

    static TensorInfo tensorInfo(NodeInfo node) {
        return (TensorInfo) node.getInfo();
    }

    static int[] argmax(float[][] rows) {
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = Classifier.argmax(rows[r]);
        }
        return out;
    }

    static float[][] rows(float[][] all, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = all[indices[i]];
        }
        return out;
    }

    static double accuracy(int[] predicted, int[] labels) {
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[i]) {
                right++;
            }
        }
        return (double) right / predicted.length;
    }
}
