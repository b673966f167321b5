package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OnnxFormatTest {
    @ParameterizedTest
    @EnumSource(DemoModel.class)
    void demo_model_declares_ir_8_opset_13_and_its_producer(DemoModel model) throws Exception {
        OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(model.onnx());

        assertThat(proto.getIrVersion()).isEqualTo(8);
        assertThat(proto.getOpsetImportList()).singleElement().satisfies(opset -> {
            assertThat(opset.getDomain()).isEmpty();
            assertThat(opset.getVersion()).isEqualTo(13);
        });
        assertThat(proto.getProducerName()).isEqualTo("barista-demo-models");
        assertThat(proto.getGraph().getName()).isEqualTo(model.modelName());
    }

    @ParameterizedTest
    @EnumSource(DemoModel.class)
    void onnx_runtime_reads_producer_and_description(DemoModel model) throws Exception {
        try (OrtSession session = Ort.session(model.onnx())) {
            OnnxModelMetadata metadata = session.getMetadata();

            assertThat(metadata.getProducerName()).isEqualTo("barista-demo-models");
            assertThat(metadata.getDescription()).isEqualTo(model.config().description());
            assertThat(metadata.getGraphName()).isEqualTo(model.modelName());
        }
    }

    @ParameterizedTest
    @EnumSource(DemoModel.class)
    void one_row_and_a_batch_give_the_same_probabilities(DemoModel model) throws Exception {
        float[][] rows = model == DemoModel.IRIS ? DemoModels.irisFeatures() : DemoModels.digitsFeatures();
        float[][] batch = Arrays.copyOf(rows, 64);
        try (OrtSession session = Ort.session(model.onnx())) {
            float[][] together = Ort.run(session, "input", batch);
            for (int r = 0; r < batch.length; r += 21) {
                float[][] alone = Ort.run(session, "input", new float[][] {batch[r]});
                assertThat(alone[0]).containsExactly(together[r], offset(1e-5f));
            }
        }
    }
}
