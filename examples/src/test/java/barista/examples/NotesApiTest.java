package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.auth.Auth;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's notes example: the app's own migration, JDBI in a transaction, route requirements. */
class NotesApiTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_signed_in_caller_keeps_notes_and_only_an_admin_deletes_them(String store) {
        try (ExampleDatabase db = ExampleDatabase.of(store, dir)) {
            Barista app = db.app(NotesApi::install);
            Auth auth = Auth.of(app);
            auth.users().create("alice", "correct horse battery", Set.of());
            auth.users().create("root", "correct horse battery", Set.of("admin"));
            String alice = auth.apiKeys().create("alice", "laptop", null).key();
            String root = auth.apiKeys().create("root", "ops", null).key();
            var client = TestClient.inProcess(app);

            assertThat(client.post("/notes", Map.of("text", "buy beans")).status()).isEqualTo(401);
            var created = client.request("POST", "/notes").header("X-API-Key", alice)
                    .json(Map.of("text", "buy beans'); DROP TABLE notes; --")).send();
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("author").asText()).isEqualTo("alice");
            long id = created.json().get("id").asLong();

            var mine = client.request("GET", "/notes").header("X-API-Key", alice).send();
            assertThat(mine.json()).hasSize(1);
            assertThat(mine.json().get(0).get("text").asText()).isEqualTo("buy beans'); DROP TABLE notes; --");
            assertThat(client.request("GET", "/notes").header("X-API-Key", root).send().json()).isEmpty();

            var blank = client.request("POST", "/notes").header("X-API-Key", alice).json(Map.of("text", " ")).send();
            assertThat(blank.status()).isEqualTo(422);
            assertThat(client.request("DELETE", "/notes/" + id).header("X-API-Key", alice).send().status()).isEqualTo(403);
            assertThat(client.request("DELETE", "/notes/" + id).header("X-API-Key", root).send().status()).isEqualTo(204);
            assertThat(client.request("DELETE", "/notes/" + id).header("X-API-Key", root).send().status()).isEqualTo(404);
            assertThat(NotesApi.all(app)).isEmpty();
        }
    }
}
