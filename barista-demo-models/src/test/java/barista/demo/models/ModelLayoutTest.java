package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLayoutTest {
    @TempDir
    Path models;

    private List<String> files() throws Exception {
        try (Stream<Path> walk = Files.walk(models)) {
            return walk.filter(Files::isRegularFile).map(p -> models.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void write_all_writes_a_model_file_and_a_config_per_model() throws Exception {
        List<Path> written = DemoModels.writeAll(models);

        assertThat(files()).containsExactly("digits/1/model.onnx", "digits/config.json", "iris/1/model.onnx",
                "iris/config.json", "wide/1/model.onnx", "wide/config.json");
        assertThat(written).containsExactly(models.resolve("iris/1/model.onnx"),
                models.resolve("digits/1/model.onnx"), models.resolve("wide/1/model.onnx"));
        assertThat(Files.readAllBytes(written.get(0))).isEqualTo(DemoModels.irisOnnx());
        assertThat(Files.readAllBytes(written.get(1))).isEqualTo(DemoModels.digitsOnnx());
        assertThat(Files.readAllBytes(written.get(2))).isEqualTo(DemoModels.wideOnnx());
    }

    @Test
    void a_second_version_goes_next_to_the_first_and_shares_the_config() throws Exception {
        DemoModels.writeIris(models);
        DemoModels.writeIris(models, "2");
        DemoModels.writeDigits(models, "7");

        assertThat(files()).containsExactly("digits/7/model.onnx", "digits/config.json", "iris/1/model.onnx",
                "iris/2/model.onnx", "iris/config.json");
    }

    @Test
    void writing_again_replaces_the_files_and_leaves_no_temporary_files() throws Exception {
        Path model = DemoModels.writeIris(models);
        Files.write(model, new byte[] {1, 2, 3});

        DemoModels.writeIris(models);

        assertThat(Files.readAllBytes(model)).isEqualTo(DemoModels.irisOnnx());
        try (Stream<Path> walk = Files.walk(models)) {
            assertThat(walk.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void a_version_or_name_that_is_not_one_path_segment_is_rejected() {
        assertThatThrownBy(() -> DemoModels.writeIris(models, "../1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../1");
        assertThatThrownBy(() -> TestModels.writeTwoInputs(models, "a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestModels.writeTwoInputs(models, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void main_writes_every_model_and_prints_one_line_for_each() throws Exception {
        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            DemoModels.main(new String[] {models.toString()});
        } finally {
            System.setOut(original);
        }

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(3)
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("wrote ").contains("iris").contains("accuracy"),
                        line -> assertThat(line).contains("digits").contains("held-out accuracy"),
                        line -> assertThat(line).contains("wide"));
        assertThat(files()).hasSize(6);
    }
}
