package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WideModelTest {
    private static OrtSession session;

    @BeforeAll
    static void load() throws Exception {
        session = Ort.session(DemoModels.wideOnnx());
    }

    @AfterAll
    static void close() throws Exception {
        session.close();
    }

    @Test
    void wide_onnx_has_the_digits_input_and_output() throws Exception {
        TensorInfo in = Ort.tensorInfo(session.getInputInfo().get("input"));
        TensorInfo out = Ort.tensorInfo(session.getOutputInfo().get("output"));

        assertThat(in.type).isEqualTo(OnnxJavaType.FLOAT);
        assertThat(in.getShape()).containsExactly(-1, 64);
        assertThat(out.type).isEqualTo(OnnxJavaType.FLOAT);
        assertThat(out.getShape()).containsExactly(-1, 10);
    }

    @Test
    void wide_onnx_is_64_to_2048_to_2048_to_10() throws Exception {
        OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(DemoModels.wideOnnx()).getGraph();

        assertThat(graph.getInitializerList())
                .filteredOn(t -> t.getName().endsWith(".weight"))
                .extracting(OnnxMl.TensorProto::getDimsList)
                .containsExactly(List.of(64L, 2048L), List.of(2048L, 2048L),
                        List.of(2048L, 10L));
        assertThat(graph.getNodeList()).extracting(OnnxMl.NodeProto::getOpType)
                .containsExactly("Gemm", "Relu", "Gemm", "Relu", "Gemm", "Softmax");
    }

    @Test
    void wide_onnx_predicts_like_the_java_wide_and_digits_models() throws Exception {
        float[][] rows = Ort.rows(DemoModels.digitsFeatures(), DemoModels.digitsHeldOutRows());

        int[] onnx = Ort.argmax(Ort.run(session, "input", rows));

        assertThat(onnx).containsExactly(DemoModels.widePredictions(rows));
        assertThat(onnx).containsExactly(DemoModels.digitsPredictions(rows));
    }

    @Test
    void wide_report_matches_digits_accuracy() {
        assertThat(DemoModel.WIDE.report().heldOutAccuracy()).isEqualTo(DemoModel.DIGITS.report().heldOutAccuracy());
        assertThat(DemoModel.WIDE.config().description()).startsWith("Benchmark model");
    }
}
