package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static barista.auth.Fixtures.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.access.Requirement;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sign-in, CSRF and key checks over a real socket, through the engine. */
class OverSocketTest {
    @TempDir
    Path dir;

    @Test
    void login_csrf_keys_and_model_permissions_work_over_a_socket() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth auth = Auth.of(app);
            auth.roles().create("iris-caller", Set.of("model:iris:call"));
            auth.users().create("ada", PASSWORD, Set.of("iris-caller"));
            app.post("/models/{name}/predict", ctx -> "ok").requires(Requirement.permission("model:{name}:call"))
                    .onEventLoop();
            try (var client = TestClient.overSocket(app)) {
                var in = client.post("/auth/login", Map.of("username", "ada", "password", PASSWORD));
                assertThat(in.status()).isEqualTo(200);
                assertThat(in.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
                String id = sessionCookie(in);
                String csrf = in.json().get("csrfToken").asText();

                assertThat(client.request("POST", "/auth/keys").cookie(Sessions.COOKIE, id)
                        .json(Map.of("name", "k")).send().status()).isEqualTo(403);
                var created = client.request("POST", "/auth/keys").cookie(Sessions.COOKIE, id)
                        .header(Sessions.CSRF_HEADER, csrf).json(Map.of("name", "k")).send();
                assertThat(created.status()).isEqualTo(201);
                String key = created.json().get("key").asText();

                // The permission check runs on the event loop, from memory.
                assertThat(client.request("POST", "/models/iris/predict").header("Authorization", "Bearer " + key)
                        .send().status()).isEqualTo(200);
                assertThat(client.request("POST", "/models/digits/predict").header("Authorization", "Bearer " + key)
                        .send().status()).isEqualTo(403);
                assertThat(client.request("POST", "/models/iris/predict").send().status()).isEqualTo(401);
                assertThat(client.request("POST", "/models/iris/predict").header("X-API-Key", "bk_nope_nope")
                        .send().status()).isEqualTo(401);
            }
        }
    }
}
