package barista.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.demo.models.TestModels;
import barista.inference.runtime.ModelLoadException;
import barista.test.TestClient;
import barista.test.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotSwapTest {
    private static final Map<String, Object> ROW = Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2)));

    @TempDir
    Path dir;
    Barista app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private String servedVersion(TestClient client) {
        TestResponse r = client.post("/models/iris/predict", ROW);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.header("X-Model-Version");
    }

    @Test
    void a_new_version_takes_over_without_failing_a_request_in_flight() throws Exception {
        DemoModels.writeIris(dir, "1");
        app = Apps.serving(dir);
        Models models = Apps.loaded(app);
        try (TestClient client = TestClient.overSocket(app)) {
            AtomicBoolean swapping = new AtomicBoolean(true);
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            ExecutorService load = Executors.newFixedThreadPool(8);
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clients.add(load.submit(() -> {
                    while (swapping.get()) {
                        statuses.merge(client.post("/models/iris/predict", ROW).status(), 1, Integer::sum);
                    }
                }));
            }
            Thread.sleep(200);
            DemoModels.writeIris(dir, "2");
            models.load("iris", "2", dir.resolve("iris/2/model.onnx"));
            Thread.sleep(200);
            models.unload("iris", "1");
            Thread.sleep(200);
            swapping.set(false);
            for (Future<?> f : clients) {
                f.get();
            }
            load.shutdown();

            assertThat(statuses).containsOnlyKeys(200);
            assertThat(servedVersion(client)).isEqualTo("2");
        }
    }

    @Test
    void a_failed_load_keeps_the_old_version_serving_and_says_why() throws Exception {
        DemoModels.writeIris(dir, "1");
        app = Apps.serving(dir);
        Models models = Apps.loaded(app);
        TestClient client = TestClient.inProcess(app);
        Files.createDirectories(dir.resolve("iris/2"));
        Files.write(dir.resolve("iris/2/model.onnx"), TestModels.corruptOnnx());

        assertThatThrownBy(() -> models.load("iris", "2", dir.resolve("iris/2/model.onnx")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("iris/2/model.onnx");
        assertThat(servedVersion(client)).isEqualTo("1");
        assertThat(models.versions("iris")).extracting(ModelVersion::state)
                .containsExactly(ModelState.READY, ModelState.FAILED);
        assertThat(models.lastError("iris")).contains("v2");

        TestResponse viaAdmin = client.request("POST", "/admin/models/iris/versions/2/load").header("X-Test-User", "admin").send();
        assertThat(viaAdmin.status()).isEqualTo(422);
        assertThat(viaAdmin.json().get("detail").asText()).contains("could not load iris v2");
        assertThat(servedVersion(client)).isEqualTo("1");
    }

    @Test
    void a_reload_of_a_broken_file_keeps_the_loaded_copy_of_that_version() throws Exception {
        DemoModels.writeIris(dir, "1");
        app = Apps.serving(dir);
        Models models = Apps.loaded(app);
        Files.write(dir.resolve("iris/1/model.onnx"), TestModels.corruptOnnx());

        assertThatThrownBy(() -> models.load("iris", "1", dir.resolve("iris/1/model.onnx")))
                .isInstanceOf(ModelLoadException.class);
        assertThat(servedVersion(TestClient.inProcess(app))).isEqualTo("1");
        assertThat(models.serving("iris").state()).isEqualTo(ModelState.READY);
    }

    @Test
    void a_version_that_failed_its_warm_up_can_be_fixed_and_reloaded() throws Exception {
        DemoModels.writeIris(dir, "1");
        Files.writeString(dir.resolve("iris/config.json"), "{\"warmup\": {\"input\": [[1, 2]]}}");
        app = Apps.serving(dir);
        Models models = Apps.loaded(app);
        assertThat(models.versions("iris").getFirst().state()).isEqualTo(ModelState.FAILED);

        Files.writeString(dir.resolve("iris/config.json"), "{\"warmup\": {\"input\": [[5.1, 3.5, 1.4, 0.2]]}}");
        models.load("iris", "1", dir.resolve("iris/1/model.onnx"));

        assertThat(servedVersion(TestClient.inProcess(app))).isEqualTo("1");
        assertThat(models.serving("iris").state()).isEqualTo(ModelState.READY);
        models.unload("iris", "1"); // and the failed instance's runner is not closed twice on the way
        assertThat(models.names()).isEmpty();
    }

    @Test
    void the_admin_api_refuses_names_that_are_not_one_folder() {
        DemoModels.writeIris(dir, "1");
        app = Apps.serving(dir);
        Apps.loaded(app);
        TestResponse r = TestClient.inProcess(app).request("POST", "/admin/models/..%2F..%2Fetc/versions/1/load").header("X-Test-User", "admin").send();

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asText()).doesNotContain(dir.toString());
    }

    @Test
    void the_admin_api_loads_pins_and_unloads_versions() throws Exception {
        DemoModels.writeIris(dir, "1");
        DemoModels.writeIris(dir, "2");
        app = Apps.serving(dir);
        Apps.loaded(app);
        TestClient client = TestClient.inProcess(app);
        assertThat(servedVersion(client)).isEqualTo("2"); // the highest ready version serves

        TestResponse pin = client.request("PUT", "/admin/models/iris/serving").header("X-Test-User", "admin").json(Map.of("version", "1")).send();
        assertThat(pin.status()).as(pin.text()).isEqualTo(200);
        assertThat(servedVersion(client)).isEqualTo("1");
        assertThat(client.get("/models/iris").json().get("pinned").asText()).isEqualTo("1");

        TestResponse unpin = client.request("PUT", "/admin/models/iris/serving").header("X-Test-User", "admin").json(Map.of()).send();
        assertThat(unpin.status()).isEqualTo(200);
        assertThat(servedVersion(client)).isEqualTo("2");

        assertThat(client.request("POST", "/admin/models/iris/versions/2/unload").header("X-Test-User", "admin").send().status()).isEqualTo(204);
        assertThat(servedVersion(client)).isEqualTo("1");
        assertThat(client.request("POST", "/admin/models/iris/versions/2/unload").header("X-Test-User", "admin").send().status()).isEqualTo(404);

        TestResponse reload = client.request("POST", "/admin/models/iris/versions/2/load").header("X-Test-User", "admin").send();
        assertThat(reload.status()).as(reload.text()).isEqualTo(200);
        assertThat(reload.json().get("state").asText()).isEqualTo("ready");
        assertThat(servedVersion(client)).isEqualTo("2");
        assertThat(client.request("PUT", "/admin/models/iris/serving").header("X-Test-User", "admin").json(Map.of("version", "9")).send().status()).isEqualTo(404);
    }

    @Test
    void the_directory_is_watched_for_new_changed_and_removed_versions() throws Exception {
        DemoModels.writeIris(dir, "1");
        app = Apps.serving(dir, "100ms");
        Models models = Apps.loaded(app);
        TestClient client = TestClient.inProcess(app);

        DemoModels.writeIris(dir, "2");
        awaitServing(models, "2");
        assertThat(servedVersion(client)).isEqualTo("2");

        deleteTree(dir.resolve("iris/2"));
        awaitServing(models, "1");
        assertThat(servedVersion(client)).isEqualTo("1");
        assertThat(models.versions("iris")).extracting(ModelVersion::version).containsExactly("1");
    }

    @Test
    void the_admin_api_is_off_unless_enabled() {
        DemoModels.writeIris(dir, "1");
        app = Barista.create(cfg -> cfg.property("barista.models.dir", dir.toString()).property("barista.models.watch", "off"));
        Apps.loaded(app);

        assertThat(TestClient.inProcess(app).request("POST", "/admin/models/iris/versions/1/unload").header("X-Test-User", "admin").send().status())
                .isEqualTo(404);
    }

    private static void awaitServing(Models models, String version) throws InterruptedException {
        long until = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < until) {
            ModelVersion v = models.serving("iris");
            if (v != null && v.version().equals(version)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("iris v" + version + " never served; versions " + models.versions("iris"));
    }

    private static void deleteTree(Path p) throws Exception {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
