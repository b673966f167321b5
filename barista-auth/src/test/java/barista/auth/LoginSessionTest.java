package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static barista.auth.Fixtures.login;
import static barista.auth.Fixtures.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signing in with a password gives a hardened session cookie with a fresh id; signing out ends it. */
class LoginSessionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void login_sets_a_secure_httponly_samesite_cookie_rotates_the_id_and_logout_ends_it(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app();
            Auth.of(app).users().create("ada", PASSWORD, Set.of());
            var client = TestClient.inProcess(app);

            var first = login(client, "ada", PASSWORD);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().get("username").asText()).isEqualTo("ada");
            String csrf = first.json().get("csrfToken").asText();
            assertThat(csrf).hasSizeGreaterThanOrEqualTo(43);
            String setCookie = first.header("Set-Cookie");
            assertThat(setCookie).startsWith("barista_session=").contains("; HttpOnly").contains("; SameSite=Lax")
                    .contains("; Secure").contains("; Path=/");
            String id = sessionCookie(first);

            var me = client.request("GET", "/auth/me").cookie(Sessions.COOKIE, id).send();
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("username").asText()).isEqualTo("ada");
            assertThat(me.json().get("credential").asText()).isEqualTo("SESSION");

            // Signing in again with the old cookie gives a new id and kills the old one.
            var second = client.request("POST", "/auth/login").cookie(Sessions.COOKIE, id)
                    .json(java.util.Map.of("username", "ada", "password", PASSWORD)).send();
            String rotated = sessionCookie(second);
            assertThat(rotated).isNotEqualTo(id);
            assertThat(client.request("GET", "/auth/me").cookie(Sessions.COOKIE, id).send().status()).isEqualTo(401);

            String csrf2 = second.json().get("csrfToken").asText();
            var out = client.request("POST", "/auth/logout").cookie(Sessions.COOKIE, rotated)
                    .header(Sessions.CSRF_HEADER, csrf2).send();
            assertThat(out.status()).isEqualTo(204);
            assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
            assertThat(client.request("GET", "/auth/me").cookie(Sessions.COOKIE, rotated).send().status()).isEqualTo(401);

            // The table keeps only hashes of ids.
            long stored = Auth.of(app).users().list().size();
            assertThat(stored).isEqualTo(1);
            app.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cookie_secure_false_leaves_secure_off_for_plain_http_development(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app(cfg -> cfg.property("barista.auth.cookie-secure", "false"));
            Auth.of(app).users().create("bob", PASSWORD, Set.of());
            var r = login(TestClient.inProcess(app), "bob", PASSWORD);
            assertThat(r.header("Set-Cookie")).contains("HttpOnly").doesNotContain("Secure");
            app.stop();
        }
    }
}
