package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.data.Database;
import barista.test.TestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** API keys: shown once, stored as a hash, working until revoked or expired. */
class ApiKeyTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_key_is_shown_once_works_is_stored_hashed_and_stops_when_revoked_or_expired(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app();
            Auth auth = Auth.of(app);
            auth.users().create("ada", PASSWORD, Set.of());
            var client = TestClient.inProcess(app);
            String token = client.request("POST", "/auth/token").json(Map.of("username", "ada", "password", PASSWORD))
                    .send().json().get("access_token").asText();

            var created = client.request("POST", "/auth/keys").header("Authorization", "Bearer " + token)
                    .json(Map.of("name", "batch job")).send();
            assertThat(created.status()).isEqualTo(201);
            String key = created.json().get("key").asText();
            String keyId = created.json().get("info").get("keyId").asText();
            assertThat(key).startsWith("bk_" + keyId + "_");

            // Works in both headers, and acts as its owner.
            var me = client.request("GET", "/auth/me").header("Authorization", "Bearer " + key).send();
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("credential").asText()).isEqualTo("API_KEY");
            assertThat(client.request("GET", "/auth/me").header("X-API-Key", key).send().status()).isEqualTo(200);
            // this node's own use shows at once, before the batch writes it back
            assertThat(auth.apiKeys().list("ada").getFirst().lastUsedAt()).isNotNull();

            // Listing never shows it again.
            var list = client.request("GET", "/auth/keys").header("X-API-Key", key).send();
            assertThat(list.text()).contains(keyId).doesNotContain(key.substring(key.indexOf('_', ApiKeys.PREFIX.length()) + 1));

            // The row holds a SHA-256 of the secret and nothing that reads as the secret.
            Database database = Database.of(app);
            Map<String, Object> row = database.withHandle(h -> h.createQuery("SELECT * FROM auth_api_keys WHERE key_id = :k")
                    .bind("k", keyId).mapToMap().one());
            String secret = key.substring(key.indexOf('_', ApiKeys.PREFIX.length()) + 1);
            for (Object v : row.values()) {
                String text = v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v);
                assertThat(text).doesNotContain(secret);
            }
            assertThat((byte[]) row.get("secret_hash")).isEqualTo(Secrets.sha256(secret));

            // A wrong secret for a real id is refused like an unknown key.
            var forged = client.request("GET", "/auth/me").header("X-API-Key", "bk_" + keyId + "_AAAA").send();
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.json().get("detail").asText()).isEqualTo("invalid API key");

            var revoke = client.request("DELETE", "/auth/keys/" + keyId).header("X-API-Key", key).send();
            assertThat(revoke.status()).isEqualTo(204);
            var revoked = client.request("GET", "/auth/me").header("X-API-Key", key).send();
            assertThat(revoked.status()).isEqualTo(401);
            assertThat(revoked.json().get("detail").asText()).isEqualTo("invalid API key");
            List<ApiKeyInfo> infos = auth.apiKeys().list("ada");
            assertThat(infos.getFirst().revokedAt()).isNotNull();
            assertThatThrownBy(() -> auth.apiKeys().revoke(null, new AuthPrincipal("ada", Set.of(), Set.of(),
                    Credential.SESSION, null))).isInstanceOf(barista.http.HttpError.NotFound.class);

            // Expired: another node (here, SQL) moved the expiry into the past; a reload brings it in.
            NewApiKey soon = auth.apiKeys().create("ada", "short-lived", Instant.now().plusSeconds(3600));
            assertThat(client.request("GET", "/auth/me").header("X-API-Key", soon.key()).send().status()).isEqualTo(200);
            database.useHandle(h -> h.createUpdate("UPDATE auth_api_keys SET expires_at = :t WHERE key_id = :k")
                    .bind("t", System.currentTimeMillis() - 1000).bind("k", soon.info().keyId()).execute());
            auth.reload();
            var expired = client.request("GET", "/auth/me").header("X-API-Key", soon.key()).send();
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.json().get("detail").asText()).isEqualTo("API key expired");
            app.stop();
        }
    }
}
