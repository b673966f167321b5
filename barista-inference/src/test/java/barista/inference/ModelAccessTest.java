package barista.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.SetupException;
import barista.demo.models.DemoModels;
import barista.inference.tensor.Tensor;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may call and change models: barista.models.access and the admin API's models:manage. */
class ModelAccessTest {
    private static final Map<String, Object> ROW = Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2)));

    @TempDir
    Path dir;
    private Barista app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private Barista app(String access) {
        DemoModels.writeIris(dir, "1");
        DemoModels.writeDigits(dir, "1");
        app = Barista.create(cfg -> cfg.port(0).property("barista.models.dir", dir.toString())
                .property("barista.models.watch", "off").property("barista.models.access", access))
                .accessControl(TestAccess.INSTANCE);
        Model iris = Models.of(app).model("iris");
        // An endpoint of the app's own that calls a model, as the README's /iris does
        app.post("/species", ctx -> iris.predict(ctx, Tensor.ofFloats(new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}}))
                .thenApply(p -> Map.of("classes", p.classes())));
        // ... and one that decides itself: public, whatever the mode, still logged under its caller
        app.post("/species/public", ctx -> iris
                .predict(Caller.of(ctx), Tensor.ofFloats(new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}}))
                .thenApply(p -> Map.of("classes", p.classes())));
        Apps.loaded(app);
        return app;
    }

    private static int predict(TestClient client, String path, String user) {
        var request = client.request("POST", path).json(ROW);
        return (user == null ? request : request.header("X-Test-User", user)).send().status();
    }

    @Test
    void open_models_answer_anyone() {
        var client = TestClient.inProcess(app("open"));
        assertThat(predict(client, "/models/iris/predict", null)).isEqualTo(200);
    }

    @Test
    void permission_mode_lets_each_caller_reach_only_its_models() {
        var client = TestClient.inProcess(app("permission"));
        assertThat(predict(client, "/models/iris/predict", null)).isEqualTo(401);
        assertThat(predict(client, "/models/iris/predict", "caller-iris")).isEqualTo(200);
        assertThat(predict(client, "/v2/models/iris/infer", "caller-digits")).isEqualTo(403);
        assertThat(predict(client, "/models/iris/versions/1/predict", "caller-digits")).isEqualTo(403);
        var refused = client.request("POST", "/models/iris/predict").header("X-Test-User", "caller-digits").json(ROW).send();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).isEqualTo("not allowed: requires permission model:iris:call");
        assertThat(client.request("GET", "/models").send().status()).isEqualTo(401);
    }

    @Test
    void an_endpoint_of_the_apps_own_that_calls_a_model_needs_what_the_model_routes_need() {
        var open = TestClient.inProcess(app("open"));
        assertThat(predict(open, "/species", null)).isEqualTo(200);
        app.stop();

        var client = TestClient.inProcess(app("permission"));
        var anonymous = client.request("POST", "/species").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
        var refused = client.request("POST", "/species").header("X-Test-User", "caller-digits").send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).isEqualTo("not allowed: requires permission model:iris:call");
        var allowed = client.request("POST", "/species").header("X-Test-User", "caller-iris").send();
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().get("classes").get(0).asInt()).isZero();
        assertThat(predict(client, "/species/public", null)).isEqualTo(200);
    }

    @Test
    void authenticated_mode_takes_any_principal() {
        var client = TestClient.inProcess(app("authenticated"));
        assertThat(predict(client, "/models/iris/predict", null)).isEqualTo(401);
        assertThat(predict(client, "/models/iris/predict", "caller-digits")).isEqualTo(200);
    }

    @Test
    void the_admin_api_needs_models_manage() {
        DemoModels.writeIris(dir, "1");
        app = Apps.serving(dir);
        Apps.loaded(app);
        var client = TestClient.inProcess(app);
        assertThat(client.request("POST", "/admin/models/iris/versions/1/unload").send().status()).isEqualTo(401);
        assertThat(client.request("POST", "/admin/models/iris/versions/1/unload").header("X-Test-User", "caller-iris")
                .send().status()).isEqualTo(403);
        assertThat(client.request("POST", "/admin/models/iris/versions/1/unload").header("X-Test-User", "admin")
                .send().status()).isEqualTo(204);
    }

    @Test
    void the_admin_api_without_an_access_control_fails_start_up() {
        DemoModels.writeIris(dir, "1");
        app = Barista.create(cfg -> cfg.port(0).property("barista.models.dir", dir.toString())
                .property("barista.models.watch", "off").property("barista.models.admin", "true"));
        assertThatThrownBy(app::routes).isInstanceOf(SetupException.class).hasMessageContaining("models:manage");
    }

    @Test
    void a_misspelt_access_mode_fails_start_up() {
        DemoModels.writeIris(dir, "1");
        app = Barista.create(cfg -> cfg.port(0).property("barista.models.dir", dir.toString())
                .property("barista.models.access", "closed"));
        assertThatThrownBy(app::routes).isInstanceOf(SetupException.class).hasMessageContaining("barista.models.access");
    }
}
