package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static barista.auth.Fixtures.login;
import static barista.auth.Fixtures.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers that carry a secret (CSRF token, API key, bearer token) or the caller's identity are never cached. */
class NoStoreTest {
    @TempDir
    Path dir;

    @Test
    void login_new_key_key_list_token_and_me_are_sent_cache_control_no_store() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth.of(app).users().create("ada", PASSWORD, Set.of());
            var client = TestClient.inProcess(app);
            var in = login(client, "ada", PASSWORD);
            assertThat(in.header("Cache-Control")).isEqualTo("no-store");
            String cookie = sessionCookie(in);
            String csrf = in.json().get("csrfToken").asText();

            var created = client.request("POST", "/auth/keys").cookie(Sessions.COOKIE, cookie)
                    .header(Sessions.CSRF_HEADER, csrf).json(Map.of("name", "ci")).send();
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("key").asText()).startsWith(ApiKeys.PREFIX);
            assertThat(created.header("Cache-Control")).isEqualTo("no-store");

            assertThat(client.request("GET", "/auth/keys").cookie(Sessions.COOKIE, cookie).send()
                    .header("Cache-Control")).isEqualTo("no-store");
            assertThat(client.request("GET", "/auth/me").cookie(Sessions.COOKIE, cookie).send()
                    .header("Cache-Control")).isEqualTo("no-store");
            assertThat(client.post("/auth/token", Map.of("username", "ada", "password", PASSWORD))
                    .header("Cache-Control")).isEqualTo("no-store");
            app.stop();
        }
    }
}
