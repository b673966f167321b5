package barista.inference;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.test.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmupReadinessTest {
    @TempDir
    Path dir;
    Barista app;

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void readyz_waits_for_the_models_found_at_start_up() {
        DemoModels.writeIris(dir);
        DemoModels.writeDigits(dir);
        app = Apps.serving(dir);
        TestClient client = TestClient.overSocket(app); // readiness is a property of a started server
        Models models = Models.of(app);
        int first = client.get("/readyz").status();

        Apps.loaded(app);

        assertThat(first).isIn(200, 503); // 503 unless both loaded already
        if (!models.startupComplete()) {
            assertThat(first).isEqualTo(503);
        }
        assertThat(client.get("/readyz").status()).isEqualTo(200);
        assertThat(models.names()).containsExactly("digits", "iris");
        assertThat(models.serving("digits").readyAt()).isNotNull();
    }

    @Test
    void a_warm_up_input_that_does_not_fit_fails_the_load_with_the_reason() throws Exception {
        DemoModels.writeIris(dir);
        Files.writeString(dir.resolve("iris/config.json"), "{\"warmup\": {\"input\": [[1, 2]]}}");
        app = Apps.serving(dir);
        Models models = Apps.loaded(app);

        ModelVersion v = models.versions("iris").getFirst();
        assertThat(v.state()).isEqualTo(ModelState.FAILED);
        assertThat(v.error()).contains("warm-up input input").contains("[batch,4]");
    }

    @Test
    void a_config_with_an_unknown_key_fails_the_load_naming_the_file() throws Exception {
        DemoModels.writeIris(dir);
        Files.writeString(dir.resolve("iris/config.json"), "{\"batchng\": {}}");
        app = Apps.serving(dir);
        Models models = Apps.loaded(app);

        ModelVersion v = models.versions("iris").getFirst();
        assertThat(v.state()).isEqualTo(ModelState.FAILED);
        assertThat(v.error()).contains("config.json").contains("batchng");
    }
}
