package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user sees and revokes only their own keys; another's key is "no such key", as if it didn't exist. */
class KeyOwnershipTest {
    @TempDir
    Path dir;

    @Test
    void user_a_cannot_list_or_revoke_user_bs_keys_but_a_user_manager_can() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth auth = Auth.of(app);
            auth.roles().create("support", Set.of("users:manage"));
            auth.users().create("alice", PASSWORD, Set.of());
            auth.users().create("bob", PASSWORD, Set.of());
            auth.users().create("sam", PASSWORD, Set.of("support"));
            var client = TestClient.inProcess(app);
            String alice = auth.apiKeys().create("alice", "alice's", null).key();
            NewApiKey bobs = auth.apiKeys().create("bob", "bob's", null);
            String sam = auth.apiKeys().create("sam", "sam's", null).key();

            var list = client.request("GET", "/auth/keys").header("X-API-Key", alice).send();
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.text()).contains("alice's").doesNotContain(bobs.info().keyId()).doesNotContain("bob's");

            var steal = client.request("DELETE", "/auth/keys/" + bobs.info().keyId()).header("X-API-Key", alice).send();
            var unknown = client.request("DELETE", "/auth/keys/0123456789abcdef").header("X-API-Key", alice).send();
            assertThat(steal.status()).isEqualTo(404);
            assertThat(steal.json().get("detail").asText()).isEqualTo("no such key");
            assertThat(unknown.text().replace("0123456789abcdef", bobs.info().keyId())).isEqualTo(steal.text());
            assertThat(client.request("GET", "/auth/me").header("X-API-Key", bobs.key()).send().status()).isEqualTo(200);

            var managed = client.request("DELETE", "/auth/keys/" + bobs.info().keyId()).header("X-API-Key", sam).send();
            assertThat(managed.status()).isEqualTo(204);
            assertThat(client.request("GET", "/auth/me").header("X-API-Key", bobs.key()).send().status()).isEqualTo(401);
            app.stop();
        }
    }
}
