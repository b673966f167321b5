package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static barista.auth.Fixtures.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.http.HttpError;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Quotes, comments and semicolons in what users send are data: refused by validation or stored as written. */
class SqlMetacharactersTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sql_metacharacters_in_user_names_and_key_names_are_data(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app();
            Auth auth = Auth.of(app);
            auth.users().create("ada", PASSWORD, Set.of());
            var client = TestClient.inProcess(app);

            var injected = login(client, "ada' OR '1'='1' --", PASSWORD);
            assertThat(injected.status()).isEqualTo(401);
            assertThat(injected.json().get("detail").asText()).isEqualTo("invalid username or password");

            assertThatThrownBy(() -> auth.users().create("x'); DROP TABLE auth_users; --", PASSWORD, Set.of()))
                    .isInstanceOf(HttpError.UnprocessableContent.class);

            String name = "'); DROP TABLE auth_users; -- \"quoted\" ;";
            NewApiKey key = auth.apiKeys().create("ada", name, null);
            assertThat(auth.apiKeys().list("ada")).singleElement().extracting(ApiKeyInfo::name).isEqualTo(name);
            assertThat(auth.apiKeys().list("ada' OR '1'='1")).isEmpty();
            assertThat(client.request("DELETE", "/auth/keys/x' OR '1'='1").header("X-API-Key", key.key()).send().status())
                    .isEqualTo(404);
            auth.reload();
            assertThat(auth.users().find("ada")).isPresent();
            app.stop();
        }
    }
}
