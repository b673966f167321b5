package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static barista.auth.Fixtures.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another site can't sign a visitor's browser in to the attacker's account by posting a form to
 * {@code /auth/login} (login CSRF): the browser marks that post {@code Sec-Fetch-Site: cross-site}.
 */
class LoginCsrfTest {
    @TempDir
    Path dir;

    @Test
    void a_cross_site_form_login_is_refused_and_sets_no_cookie() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth.of(app).users().create("mallory", PASSWORD, Set.of());
            var client = TestClient.inProcess(app);
            byte[] form = Fixtures.form("username", "mallory", "password", PASSWORD).getBytes(StandardCharsets.UTF_8);

            var cross = client.request("POST", "/auth/login").header("Sec-Fetch-Site", "cross-site")
                    .header("Origin", "https://evil.example").body(form, "application/x-www-form-urlencoded").send();
            assertThat(cross.status()).isEqualTo(403);
            assertThat(cross.header("Content-Type")).startsWith("application/problem+json");
            assertThat(sessionCookie(cross)).isNull();

            var json = client.request("POST", "/auth/login").header("Sec-Fetch-Site", "cross-site")
                    .json(Map.of("username", "mallory", "password", PASSWORD)).send();
            assertThat(json.status()).isEqualTo(403);

            // Same-origin browsers and non-browser clients (no header) still sign in.
            var same = client.request("POST", "/auth/login").header("Sec-Fetch-Site", "same-origin")
                    .body(form, "application/x-www-form-urlencoded").send();
            assertThat(same.status()).isEqualTo(200);
            assertThat(sessionCookie(same)).isNotEmpty();
            assertThat(Fixtures.login(client, "mallory", PASSWORD).status()).isEqualTo(200);
            app.stop();
        }
    }
}
