package barista.auth;

import static barista.access.Requirement.permission;
import static barista.access.Requirement.role;
import static barista.auth.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.http.HttpError;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routes' role and per-model permission requirements, checked by this module's access control. */
class RouteRequirementsTest {
    @TempDir
    Path dir;

    @Test
    void role_and_per_model_permissions_give_401_403_or_200() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth auth = Auth.of(app);
            auth.roles().create("iris-caller", Set.of("model:iris:call"));
            auth.roles().create("any-model", Set.of("model:*:call"));
            auth.users().create("root", PASSWORD, Set.of("admin"));
            auth.users().create("ada", PASSWORD, Set.of("iris-caller"));
            auth.users().create("bob", PASSWORD, Set.of("any-model"));
            auth.users().create("eve", PASSWORD, Set.of());
            app.get("/admin/stats", ctx -> "stats").requires(role("admin"));
            app.post("/models/{name}/predict", ctx -> "ok " + ctx.pathParam("name"))
                    .requires(permission("model:{name}:call"));
            app.post("/models", ctx -> "managed").requires(permission("models:manage"));
            var client = TestClient.inProcess(app);
            String root = auth.apiKeys().create("root", "k", null).key();
            String ada = auth.apiKeys().create("ada", "k", null).key();
            String bob = auth.apiKeys().create("bob", "k", null).key();
            String eve = auth.apiKeys().create("eve", "k", null).key();

            assertThat(client.get("/admin/stats").status()).isEqualTo(401);
            assertThat(call(client, "GET", "/admin/stats", eve)).isEqualTo(403);
            assertThat(call(client, "GET", "/admin/stats", root)).isEqualTo(200);

            assertThat(client.request("POST", "/models/iris/predict").send().status()).isEqualTo(401);
            assertThat(call(client, "POST", "/models/iris/predict", ada)).isEqualTo(200);
            var denied = client.request("POST", "/models/digits/predict").header("X-API-Key", ada).send();
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().get("detail").asText()).isEqualTo("not allowed: requires permission model:digits:call");
            assertThat(call(client, "POST", "/models/digits/predict", bob)).isEqualTo(200);
            assertThat(call(client, "POST", "/models/digits/predict", root)).isEqualTo(200);
            assertThat(call(client, "POST", "/models/iris/predict", eve)).isEqualTo(403);

            assertThat(call(client, "POST", "/models", bob)).isEqualTo(403);
            assertThat(call(client, "POST", "/models", root)).isEqualTo(200);

            // A role change applies to the next request.
            auth.roles().setPermissions("iris-caller", Set.of("model:iris:call", "models:manage"));
            assertThat(call(client, "POST", "/models", ada)).isEqualTo(200);
            auth.users().setRoles("ada", Set.of());
            assertThat(call(client, "POST", "/models/iris/predict", ada)).isEqualTo(403);
            app.stop();
        }
    }

    @Test
    void wildcards_match_whole_segments_only() {
        assertThat(AuthPrincipal.matches("model:*:call", "model:iris:call")).isTrue();
        assertThat(AuthPrincipal.matches("model:*:call", "model:iris:delete")).isFalse();
        assertThat(AuthPrincipal.matches("model:*", "model:iris:call")).isFalse();
        assertThat(AuthPrincipal.matches("*", "models:manage")).isTrue();
        assertThat(AuthPrincipal.matches("model:iris:call", "model:iris2:call")).isFalse();
    }

    @Test
    void a_permission_with_an_empty_segment_is_refused() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            try {
                Auth auth = Auth.of(app);
                for (String bad : List.of("bar::", ":model", "model::call", "model:iris:", "model iris", "x".repeat(201))) {
                    assertThatThrownBy(() -> auth.roles().create("r", Set.of(bad))).as(bad)
                            .isInstanceOf(HttpError.UnprocessableContent.class);
                }
                assertThat(auth.roles().create("r", Set.of("model:*:call", "reports.v2:read", "*")).permissions())
                        .hasSize(3);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void the_names_the_log_gives_callers_who_are_not_users_are_reserved() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth auth = Auth.of(app);
            for (String reserved : List.of("anonymous", "app")) {
                assertThatThrownBy(() -> auth.users().create(reserved, "a long password 1", Set.of())).as(reserved)
                        .isInstanceOfSatisfying(HttpError.UnprocessableContent.class, e -> assertThat(e.errors())
                                .singleElement().satisfies(f -> assertThat(f.type()).isEqualTo("reserved")));
            }
            assertThat(auth.users().create("Anonymous", "a long password 1", Set.of()).username()).isEqualTo("Anonymous");
            app.stop(); // its threads write the file until then, and the temp dir goes after the test
        }
    }

    private static int call(TestClient client, String method, String path, String key) {
        return client.request(method, path).header("X-API-Key", key).send().status();
    }
}
