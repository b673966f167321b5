package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoInputsModelTest {
    @TempDir
    Path models;

    @Test
    void two_inputs_model_adds_a_and_b() throws Exception {
        Path file = TestModels.writeTwoInputs(models, "adder");
        float[][] a = {{1f, 2f}, {-1f, 0.5f}, {100f, 0f}};
        float[][] b = {{10f, 20f}, {1f, 0.25f}, {-100f, 3f}};

        try (OrtSession session = Ort.ENV.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor ta = OnnxTensor.createTensor(Ort.ENV, a);
             OnnxTensor tb = OnnxTensor.createTensor(Ort.ENV, b);
             OrtSession.Result result = session.run(Map.of("a", ta, "b", tb))) {
            assertThat(file).isEqualTo(models.resolve("adder/1/model.onnx"));
            assertThat(session.getInputNames()).containsExactlyInAnyOrder("a", "b");
            assertThat(session.getOutputNames()).containsExactly("sum");
            for (String name : new String[] {"a", "b"}) {
                TensorInfo info = Ort.tensorInfo(session.getInputInfo().get(name));
                assertThat(info.type).isEqualTo(OnnxJavaType.FLOAT);
                assertThat(info.getShape()).containsExactly(-1, 2);
            }
            assertThat(Ort.tensorInfo(session.getOutputInfo().get("sum")).getShape()).containsExactly(-1, 2);
            assertThat((float[][]) result.get("sum").orElseThrow().getValue())
                    .isEqualTo(new float[][] {{11f, 22f}, {0f, 0.75f}, {0f, 3f}});
        }
    }
}
