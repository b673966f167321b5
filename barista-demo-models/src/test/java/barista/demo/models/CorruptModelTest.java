package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptModelTest {
    @TempDir
    Path models;

    @Test
    void corrupt_bytes_fail_to_load_in_onnx_runtime() {
        assertThatThrownBy(() -> Ort.session(TestModels.corruptOnnx())).isInstanceOf(OrtException.class);
    }

    @Test
    void corrupt_model_file_fails_to_load_from_its_path() throws Exception {
        Path file = TestModels.writeCorrupt(models, "broken");

        assertThat(file).isEqualTo(models.resolve("broken/1/model.onnx"));
        assertThat(Files.readAllBytes(file)).isEqualTo(TestModels.corruptOnnx());
        assertThatThrownBy(() -> Ort.ENV.createSession(file.toString(), new OrtSession.SessionOptions()))
                .isInstanceOf(OrtException.class);
    }
}
