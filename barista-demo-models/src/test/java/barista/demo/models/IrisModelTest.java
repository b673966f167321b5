package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IrisModelTest {
    private static OrtSession session;

    @BeforeAll
    static void load() throws Exception {
        session = Ort.session(DemoModels.irisOnnx());
    }

    @AfterAll
    static void close() throws Exception {
        session.close();
    }

    @Test
    void iris_onnx_takes_float_input_batch_by_4_and_gives_float_output_batch_by_3() throws Exception {
        assertThat(session.getInputNames()).containsExactly("input");
        assertThat(session.getOutputNames()).containsExactly("output");
        TensorInfo in = Ort.tensorInfo(session.getInputInfo().get("input"));
        TensorInfo out = Ort.tensorInfo(session.getOutputInfo().get("output"));
        assertThat(in.type).isEqualTo(OnnxJavaType.FLOAT);
        assertThat(in.getShape()).containsExactly(-1, 4);
        assertThat(in.getDimensionNames()).containsExactly("batch", "");
        assertThat(out.type).isEqualTo(OnnxJavaType.FLOAT);
        assertThat(out.getShape()).containsExactly(-1, 3);
        assertThat(out.getDimensionNames()).containsExactly("batch", "");
    }

    @Test
    void iris_onnx_matches_java_model_on_every_row() throws Exception {
        float[][] rows = DemoModels.irisFeatures();

        float[][] onnx = Ort.run(session, "input", rows);
        float[][] java = DemoModels.irisProbabilities(rows);

        assertThat(Ort.argmax(onnx)).containsExactly(DemoModels.irisPredictions(rows));
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(onnx[r][c]).as("row %d class %d", r, c).isCloseTo(java[r][c], within(1e-5f));
            }
        }
    }

    @Test
    void iris_onnx_classifies_96_to_99_percent_of_rows_right() throws Exception {
        int[] predicted = Ort.argmax(Ort.run(session, "input", DemoModels.irisFeatures()));

        double accuracy = Ort.accuracy(predicted, DemoModels.irisLabels());

        assertThat(accuracy).isBetween(0.96, 0.99);
        assertThat(DemoModel.IRIS.report().trainingAccuracy()).isEqualTo(accuracy);
    }

    @Test
    void iris_output_rows_are_probabilities() throws Exception {
        float[][] onnx = Ort.run(session, "input", DemoModels.irisFeatures());

        for (float[] row : onnx) {
            assertThat(row[0] + row[1] + row[2]).isCloseTo(1f, within(1e-5f));
            for (float p : row) {
                assertThat(p).isBetween(0f, 1f);
            }
        }
    }
}
