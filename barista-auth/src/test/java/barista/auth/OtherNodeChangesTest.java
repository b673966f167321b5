package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.data.Database;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two nodes on one database: what one changes, the other sees after its refresh; both sign the same tokens. */
class OtherNodeChangesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_key_revoked_and_a_user_disabled_on_one_node_stop_working_on_the_other(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista nodeA = scratch.app();
            Barista nodeB = scratch.app(cfg -> cfg.property("barista.auth.refresh", "200ms"));
            Auth a = Auth.of(nodeA);
            Auth b = Auth.of(nodeB);
            a.users().create("ada", PASSWORD, Set.of());
            NewApiKey key = a.apiKeys().create("ada", "k", null);
            String token = a.tokens().issue("ada").token();
            var clientB = TestClient.inProcess(nodeB);
            b.reload();
            assertThat(clientB.request("GET", "/auth/me").header("X-API-Key", key.key()).send().status()).isEqualTo(200);
            assertThat(clientB.request("GET", "/auth/me").header("Authorization", "Bearer " + token).send().status())
                    .isEqualTo(200);

            a.apiKeys().revoke(key.info().keyId(), new AuthPrincipal("ada", Set.of(), Set.of(), Credential.SESSION, null));
            a.users().setActive("ada", false);
            long deadline = System.currentTimeMillis() + 5000;
            int status;
            int tokenStatus;
            do {
                // B may refresh between the revoke and the deactivation, so wait for both to arrive.
                status = clientB.request("GET", "/auth/me").header("X-API-Key", key.key()).send().status();
                tokenStatus = clientB.request("GET", "/auth/me").header("Authorization", "Bearer " + token).send()
                        .status();
            } while ((status != 401 || tokenStatus != 401) && System.currentTimeMillis() < deadline && sleep());
            assertThat(status).isEqualTo(401);
            assertThat(tokenStatus).isEqualTo(401);
            int secrets = Database.of(nodeA).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM auth_settings")
                    .mapTo(Integer.class).one());
            assertThat(secrets).isEqualTo(1);
            nodeA.stop();
            nodeB.stop();
        }
    }

    private static boolean sleep() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
