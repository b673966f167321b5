package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DigitsModelTest {
    private static OrtSession session;

    @BeforeAll
    static void load() throws Exception {
        session = Ort.session(DemoModels.digitsOnnx());
    }

    @AfterAll
    static void close() throws Exception {
        session.close();
    }

    @Test
    void digits_onnx_takes_float_input_batch_by_64_and_gives_float_output_batch_by_10() throws Exception {
        assertThat(session.getInputNames()).containsExactly("input");
        assertThat(session.getOutputNames()).containsExactly("output");
        TensorInfo in = Ort.tensorInfo(session.getInputInfo().get("input"));
        TensorInfo out = Ort.tensorInfo(session.getOutputInfo().get("output"));
        assertThat(in.type).isEqualTo(OnnxJavaType.FLOAT);
        assertThat(in.getShape()).containsExactly(-1, 64);
        assertThat(out.type).isEqualTo(OnnxJavaType.FLOAT);
        assertThat(out.getShape()).containsExactly(-1, 10);
    }

    @Test
    void digits_onnx_matches_java_model_on_every_row() throws Exception {
        float[][] rows = DemoModels.digitsFeatures();

        float[][] onnx = Ort.run(session, "input", rows);
        float[][] java = DemoModels.digitsProbabilities(rows);

        assertThat(Ort.argmax(onnx)).containsExactly(DemoModels.digitsPredictions(rows));
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 10; c++) {
                assertThat(onnx[r][c]).as("row %d class %d", r, c).isCloseTo(java[r][c], within(1e-5f));
            }
        }
    }

    @Test
    void digits_onnx_classifies_over_95_percent_of_held_out_rows_right() throws Exception {
        int[] heldOut = DemoModels.digitsHeldOutRows();
        float[][] rows = Ort.rows(DemoModels.digitsFeatures(), heldOut);
        int[] labels = new int[heldOut.length];
        for (int i = 0; i < heldOut.length; i++) {
            labels[i] = DemoModels.digitsLabels()[heldOut[i]];
        }

        double accuracy = Ort.accuracy(Ort.argmax(Ort.run(session, "input", rows)), labels);

        assertThat(accuracy).isGreaterThan(0.95);
        assertThat(DemoModel.DIGITS.report().heldOutAccuracy()).hasValue(accuracy);
    }

    @Test
    void digits_onnx_classifies_over_95_percent_of_all_rows_right() throws Exception {
        int[] predicted = Ort.argmax(Ort.run(session, "input", DemoModels.digitsFeatures()));

        assertThat(Ort.accuracy(predicted, DemoModels.digitsLabels())).isGreaterThan(0.95);
    }
}
