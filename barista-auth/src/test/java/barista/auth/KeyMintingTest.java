package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key can't mint keys: otherwise a key given out for a day (or one about to be revoked) could
 * make itself a successor that never expires.
 */
class KeyMintingTest {
    @TempDir
    Path dir;

    @Test
    void an_api_key_cannot_create_another_api_key_in_either_header() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth auth = Auth.of(app);
            auth.users().create("ada", PASSWORD, Set.of());
            String shortLived = auth.apiKeys().create("ada", "one day", Instant.now().plus(1, ChronoUnit.DAYS)).key();
            var client = TestClient.inProcess(app);

            var viaHeader = client.request("POST", "/auth/keys").header("X-API-Key", shortLived)
                    .json(Map.of("name", "forever")).send();
            assertThat(viaHeader.status()).isEqualTo(403);
            assertThat(viaHeader.header("Content-Type")).startsWith("application/problem+json");
            assertThat(viaHeader.text()).doesNotContain("bk_");
            var viaBearer = client.request("POST", "/auth/keys").header("Authorization", "Bearer " + shortLived)
                    .json(Map.of("name", "forever")).send();
            assertThat(viaBearer.status()).isEqualTo(403);
            assertThat(auth.apiKeys().list("ada")).hasSize(1);

            // The key still reads and revokes the owner's keys.
            assertThat(client.request("GET", "/auth/keys").header("X-API-Key", shortLived).send().status())
                    .isEqualTo(200);
            app.stop();
        }
    }
}
