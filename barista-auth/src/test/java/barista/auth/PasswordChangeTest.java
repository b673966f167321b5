package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static barista.auth.Fixtures.login;
import static barista.auth.Fixtures.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST /auth/password}: a user changes their own password. Everything that rode on the old
 * one ends (other sessions, bearer tokens), except the browser that made the change, which moves
 * to a new session; a key can't do it, and a wrong current password is a 422 that the sign-in
 * throttle counts.
 */
class PasswordChangeTest {
    static final String NEW_PASSWORD = "new horse battery staple";

    @TempDir
    Path dir;

    private static String token(TestClient client, String password) {
        TestResponse r = client.post("/auth/token", Map.of("username", "ada", "password", password));
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("access_token").asText();
    }

    private static int me(TestClient client, String header, String value) {
        return client.request("GET", "/auth/me").header(header, value).send().status();
    }

    private static int meWithSession(TestClient client, String id) {
        return client.request("GET", "/auth/me").cookie(Sessions.COOKIE, id).send().status();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_session_changes_its_password_other_sessions_and_tokens_end_and_it_goes_on_in_a_new_session(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app();
            try {
                Auth auth = Auth.of(app);
                auth.users().create("ada", PASSWORD, Set.of());
                var client = TestClient.inProcess(app);
                var browser = login(client, "ada", PASSWORD);
                String session = sessionCookie(browser);
                String csrf = browser.json().get("csrfToken").asText();
                String otherSession = sessionCookie(login(client, "ada", PASSWORD));
                String bearer = token(client, PASSWORD);
                String key = auth.apiKeys().create("ada", "ci", null).key();
                assertThat(me(client, "Authorization", "Bearer " + bearer)).isEqualTo(200);

                var changed = client.request("POST", "/auth/password").cookie(Sessions.COOKIE, session)
                        .header(Sessions.CSRF_HEADER, csrf)
                        .json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).send();

                assertThat(changed.status()).isEqualTo(200);
                assertThat(changed.header("Cache-Control")).isEqualTo("no-store");
                assertThat(changed.json().get("username").asText()).isEqualTo("ada");
                String newSession = sessionCookie(changed);
                assertThat(newSession).isNotNull().isNotEqualTo(session);
                assertThat(changed.json().get("csrfToken").asText()).isNotEqualTo(csrf);
                assertThat(meWithSession(client, newSession)).isEqualTo(200);
                assertThat(meWithSession(client, session)).isEqualTo(401);
                assertThat(meWithSession(client, otherSession)).isEqualTo(401);
                assertThat(me(client, "Authorization", "Bearer " + bearer)).isEqualTo(401);
                // an API key is its own credential, revoked on its own, as in Django REST framework
                assertThat(me(client, "X-API-Key", key)).isEqualTo(200);
                assertThat(login(client, "ada", PASSWORD).status()).isEqualTo(401);
                assertThat(login(client, "ada", NEW_PASSWORD).status()).isEqualTo(200);
            } finally {
                app.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_bearer_token_changes_the_password_and_then_needs_a_new_token(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app();
            try {
                Auth.of(app).users().create("ada", PASSWORD, Set.of());
                var client = TestClient.inProcess(app);
                String bearer = token(client, PASSWORD);

                var changed = client.request("POST", "/auth/password").header("Authorization", "Bearer " + bearer)
                        .json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).send();

                assertThat(changed.status()).isEqualTo(200);
                assertThat(changed.json().get("csrfToken").isNull()).isTrue();
                assertThat(sessionCookie(changed)).isNull();
                assertThat(me(client, "Authorization", "Bearer " + bearer)).isEqualTo(401);
                assertThat(me(client, "Authorization", "Bearer " + token(client, NEW_PASSWORD))).isEqualTo(200);
            } finally {
                app.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void wrong_current_password_short_new_password_api_key_and_no_csrf_change_nothing(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app();
            try {
                Auth auth = Auth.of(app);
                auth.users().create("ada", PASSWORD, Set.of());
                var client = TestClient.inProcess(app);
                String bearer = token(client, PASSWORD);
                String key = auth.apiKeys().create("ada", "ci", null).key();

                var wrong = client.request("POST", "/auth/password").header("Authorization", "Bearer " + bearer)
                        .json(Map.of("currentPassword", "not my password", "newPassword", NEW_PASSWORD)).send();
                assertThat(wrong.status()).isEqualTo(422);
                assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
                assertThat(wrong.json().toString()).contains("currentPassword").contains("wrong_password");

                var empty = client.request("POST", "/auth/password").header("Authorization", "Bearer " + bearer)
                        .json(Map.of("currentPassword", "", "newPassword", NEW_PASSWORD)).send();
                assertThat(empty.status()).isEqualTo(422);
                assertThat(empty.json().toString()).contains("currentPassword").contains("missing");

                var shortOne = client.request("POST", "/auth/password").header("Authorization", "Bearer " + bearer)
                        .json(Map.of("currentPassword", PASSWORD, "newPassword", "short")).send();
                assertThat(shortOne.status()).isEqualTo(422);
                assertThat(shortOne.json().toString()).contains("newPassword").contains("min_length");

                var byKey = client.request("POST", "/auth/password").header("X-API-Key", key)
                        .json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).send();
                assertThat(byKey.status()).isEqualTo(403);

                var browser = login(client, "ada", PASSWORD);
                var noCsrf = client.request("POST", "/auth/password").cookie(Sessions.COOKIE, sessionCookie(browser))
                        .json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).send();
                assertThat(noCsrf.status()).isEqualTo(403);

                var anonymous = client.post("/auth/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));
                assertThat(anonymous.status()).isEqualTo(401);

                assertThat(me(client, "Authorization", "Bearer " + bearer)).isEqualTo(200); // nothing changed
                assertThat(login(client, "ada", PASSWORD).status()).isEqualTo(200);
            } finally {
                app.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void guessing_the_current_password_is_throttled_like_a_sign_in(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app();
            try {
                Auth.of(app).users().create("ada", PASSWORD, Set.of());
                var client = TestClient.inProcess(app);
                String bearer = token(client, PASSWORD);
                int status = 0;
                for (int i = 0; i < 10 && status != 429; i++) {
                    status = client.request("POST", "/auth/password").header("Authorization", "Bearer " + bearer)
                            .json(Map.of("currentPassword", "guess number " + i, "newPassword", NEW_PASSWORD)).send()
                            .status();
                }
                assertThat(status).isEqualTo(429);
            } finally {
                app.stop();
            }
        }
    }
}
