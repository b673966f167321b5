package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.auth.Auth;
import barista.inference.log.PredictionLog;
import barista.test.TestClient;
import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with {@code barista.models.access=permission}, its real auth and its real models, over
 * a socket: a key whose user may call iris reaches iris, its own endpoint {@code /iris} and its
 * own predictions' feedback, and nothing else; what it is refused says only what was missing.
 */
class ModelPermissionTest {
    private static final Map<String, Object> IRIS_ROW = Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2)));
    private static final Map<String, Object> DIGITS_ROW = Map.of("inputs", List.of(java.util.Collections.nCopies(64, 0.0)));

    @TempDir
    static Path dir;
    static Barista app;
    static TestClient client;
    static String adaKey;
    static String bobKey;

    @BeforeAll
    static void start() throws InterruptedException {
        app = DemoServer.app(Barista.create(cfg -> cfg.port(0).requestLog(false)
                .property("barista.data.url", "jdbc:sqlite:" + dir.resolve("demo.db"))
                .property("barista.models.dir", DemoServer.modelsDir().toString())
                .property("barista.models.watch", "off")
                .property("barista.models.access", "permission")));
        Auth auth = Auth.of(app);
        auth.roles().create("iris-caller", Set.of("model:iris:call"));
        auth.users().create("ada", "correct horse battery", Set.of("iris-caller"));
        auth.users().create("bob", "correct horse battery", Set.of("iris-caller"));
        adaKey = auth.apiKeys().create("ada", "laptop", null).key();
        bobKey = auth.apiKeys().create("bob", "laptop", null).key();
        client = TestClient.overSocket(app);
        DemoModelsLoaded.await(app);
    }

    @AfterAll
    static void stop() {
        client.close();
        app.stop();
    }

    private static TestResponse predict(String model, Object row, String key) {
        var request = client.request("POST", "/models/" + model + "/predict").json(row);
        return (key == null ? request : request.header("X-API-Key", key)).send();
    }

    @Test
    void a_key_whose_user_may_call_iris_gets_iris_and_its_prediction_is_logged_under_that_key() {
        TestResponse r = predict("iris", IRIS_ROW, adaKey);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        String principal = PredictionLog.of(app).find(r.header("X-Request-Id")).orElseThrow().principal();
        assertThat(principal).startsWith("ada/key:");
    }

    @Test
    void the_same_key_is_refused_digits_with_a_problem_that_names_only_the_missing_permission() {
        TestResponse r = predict("digits", DIGITS_ROW, adaKey);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).isEqualTo("not allowed: requires permission model:digits:call");
        assertThat(r.text()).doesNotContain("ada").doesNotContain(adaKey).doesNotContain("iris-caller");
    }

    @Test
    void the_apps_own_endpoint_that_calls_iris_follows_the_same_rule() {
        var body = Map.of("features", List.of(List.of(5.1, 3.5, 1.4, 0.2)));
        assertThat(client.request("POST", "/iris").header("X-API-Key", adaKey).json(body).send().status()).isEqualTo(200);
        TestResponse anonymous = client.post("/iris", body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void no_key_a_made_up_key_and_a_revoked_key_get_401() {
        assertThat(predict("iris", IRIS_ROW, null).status()).isEqualTo(401);
        assertThat(predict("iris", IRIS_ROW, "bk_made_up").status()).isEqualTo(401);
        Auth auth = Auth.of(app);
        var revoked = auth.apiKeys().create("ada", "old laptop", null);
        assertThat(predict("iris", IRIS_ROW, revoked.key()).status()).isEqualTo(200);
        TestResponse revoke = client.request("DELETE", "/auth/keys/" + revoked.info().keyId()).header("X-API-Key", adaKey).send();
        assertThat(revoke.status()).as(revoke.text()).isEqualTo(204);
        TestResponse r = predict("iris", IRIS_ROW, revoked.key());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void feedback_on_a_prediction_is_for_its_caller_and_another_user_cannot_tell_it_exists() {
        String id = predict("iris", IRIS_ROW, adaKey).header("X-Request-Id");

        TestResponse bobs = client.request("POST", "/predictions/" + id + "/feedback").header("X-API-Key", bobKey)
                .json(Map.of("label", "virginica")).send();
        assertThat(bobs.status()).isEqualTo(404);
        TestResponse nothing = client.request("POST", "/predictions/no-such-request/feedback").header("X-API-Key", bobKey)
                .json(Map.of("label", "virginica")).send();
        assertThat(bobs.json().get("detail").asText()) // word for word what an id that was never used gets
                .isEqualTo(nothing.json().get("detail").asText().replace("no-such-request", id));
        assertThat(bobs.json().get("title")).isEqualTo(nothing.json().get("title"));
        assertThat(bobs.text()).doesNotContain("ada");
        TestResponse adas = client.request("POST", "/predictions/" + id + "/feedback").header("X-API-Key", adaKey)
                .json(Map.of("label", "setosa")).send();
        assertThat(adas.status()).as(adas.text()).isEqualTo(204);
        assertThat(PredictionLog.of(app).find(id).orElseThrow().feedback()).isEqualTo("\"setosa\"");
    }
}
