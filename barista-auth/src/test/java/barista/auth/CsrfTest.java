package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static barista.auth.Fixtures.login;
import static barista.auth.Fixtures.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.access.Requirement;
import barista.test.TestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cookie-authenticated unsafe request must echo the session's CSRF token; a key-authenticated one needn't. */
class CsrfTest {
    @TempDir
    Path dir;

    @Test
    void missing_or_wrong_token_is_403_and_the_right_one_in_header_or_form_passes() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth auth = Auth.of(app);
            auth.users().create("ada", PASSWORD, Set.of());
            app.post("/notes", ctx -> "saved by " + ctx.principal().name()).requires(Requirement.authenticated());
            var client = TestClient.inProcess(app);
            var in = login(client, "ada", PASSWORD);
            String id = sessionCookie(in);
            String csrf = in.json().get("csrfToken").asText();

            var missing = client.request("POST", "/notes").cookie(Sessions.COOKIE, id).send();
            assertThat(missing.status()).isEqualTo(403);
            assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
            assertThat(missing.json().get("detail").asText()).isEqualTo("CSRF token missing or wrong");

            var wrong = client.request("POST", "/notes").cookie(Sessions.COOKIE, id)
                    .header(Sessions.CSRF_HEADER, csrf.substring(1) + "x").send();
            assertThat(wrong.status()).isEqualTo(403);

            var right = client.request("POST", "/notes").cookie(Sessions.COOKIE, id)
                    .header(Sessions.CSRF_HEADER, csrf).send();
            assertThat(right.status()).isEqualTo(200);
            assertThat(right.text()).contains("saved by ada");

            var form = client.request("POST", "/notes").cookie(Sessions.COOKIE, id)
                    .body(Fixtures.form("_csrf", csrf, "text", "hi").getBytes(StandardCharsets.UTF_8),
                            "application/x-www-form-urlencoded").send();
            assertThat(form.status()).isEqualTo(200);

            // GET needs no token; an API key needs none either (no ambient credential).
            assertThat(client.request("GET", "/auth/me").cookie(Sessions.COOKIE, id).send().status()).isEqualTo(200);
            String key = auth.apiKeys().create("ada", "script", null).key();
            assertThat(client.request("POST", "/notes").header("X-API-Key", key).send().status()).isEqualTo(200);
            app.stop();
        }
    }
}
