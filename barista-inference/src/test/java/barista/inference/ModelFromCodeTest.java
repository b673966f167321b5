package barista.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.http.HttpError;
import barista.inference.batching.BatchPolicy;
import barista.inference.tensor.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A model loaded and called from Java, with no model directory. */
class ModelFromCodeTest {
    Barista app = Barista.create(cfg -> cfg.property("barista.models.dir", "no-such-dir"));

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void a_model_loaded_from_bytes_serves_concurrent_callers_in_shared_batches() {
        Models models = Models.of(app);
        models.load("iris", "7", DemoModels.irisOnnx(), ModelConfig.DEFAULT
                .withLabels(List.of("setosa", "versicolor", "virginica"))
                .withBatching(BatchPolicy.DEFAULT.withMaxBatchSize(16).withMaxQueueDelay(Duration.ofMillis(5))));
        Model iris = models.model("iris");
        float[][] rows = DemoModels.irisFeatures();
        int[] expected = DemoModels.irisPredictions(rows);

        List<CompletableFuture<Prediction>> calls = new ArrayList<>();
        for (float[] row : rows) {
            calls.add(iris.predict(Tensor.ofFloats(new float[][] {row})));
        }

        for (int i = 0; i < rows.length; i++) {
            Prediction p = calls.get(i).join();
            assertThat(p.version()).isEqualTo("7");
            assertThat(p.classes()).containsExactly(expected[i]);
            assertThat(p.classLabels()).hasSize(1);
        }
        String metrics = barista.observe.Metrics.of(app).scrape();
        assertThat(metrics).contains("barista_model_batch_size_rows_count{model=\"iris\",version=\"7\"}");
        double calls150 = Double.parseDouble(metrics.lines()
                .filter(l -> l.startsWith("barista_model_batch_size_rows_count{model=\"iris\",version=\"7\"}"))
                .findFirst().orElseThrow().split(" ")[1]);
        assertThat(calls150).as("150 concurrent rows ran in fewer calls").isLessThan(150);
    }

    /** Every error of the Java API arrives through the future, as the HTTP error that answers it. */
    private static int status(CompletableFuture<Prediction> p) {
        Throwable t = p.handle((v, e) -> e).join();
        assertThat(t).isInstanceOf(HttpError.class);
        return ((HttpError) t).status();
    }

    @Test
    void inputs_that_do_not_fit_are_refused_before_queueing() {
        Models models = Models.of(app);
        models.load("iris", "1", DemoModels.irisOnnx(), ModelConfig.DEFAULT);
        Model iris = models.model("iris");

        assertThat(status(iris.predict(Tensor.ofFloats(new float[] {1, 2}, 1, 2)))).isEqualTo(422);
        assertThat(status(models.model("nope").predict(Tensor.ofFloats(new float[] {1, 2, 3, 4}, 1, 4)))).isEqualTo(404);
    }

    @Test
    void a_handle_made_before_its_model_loads_follows_it() {
        Models models = Models.of(app);
        Model later = models.model("iris");
        assertThat(later.ready()).isFalse();

        models.load("iris", "1", DemoModels.irisOnnx(), ModelConfig.DEFAULT);

        assertThat(later.ready()).isTrue();
        assertThat(later.signature().inputs().getFirst().name()).isEqualTo("input");
        CompletableFuture<Prediction> p = later.predict(Tensor.ofFloats(new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}}));
        assertThat(p.join().classes()).containsExactly(0);
    }

    @Test
    void bytes_that_are_not_a_model_fail_the_load_with_the_reason() {
        Models models = Models.of(app);

        assertThatThrownBy(() -> models.load("broken", "1", new byte[] {1, 2, 3}, ModelConfig.DEFAULT))
                .isInstanceOf(barista.inference.runtime.ModelLoadException.class)
                .hasMessageContaining("broken v1");
        assertThat(models.versions("broken")).extracting(ModelVersion::state).containsExactly(ModelState.FAILED);
        assertThat(status(models.model("broken").predict(Tensor.ofFloats(new float[] {1}, 1, 1)))).isEqualTo(503);
    }
}
