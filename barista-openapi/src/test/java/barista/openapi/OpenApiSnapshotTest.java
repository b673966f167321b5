package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.access.Principal;
import barista.access.Requirement;
import barista.json.Json;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the whole document of a small app, so any change to the wire format is a reviewed diff of
 * {@code src/test/resources/openapi-snapshot.json}. After an intended change, regenerate it with
 * {@code -Dopenapi.snapshot.update=true} and read the diff before committing.
 */
class OpenApiSnapshotTest {
    private static final Path SNAPSHOT = Path.of("src/test/resources/openapi-snapshot.json");
    private static final ObjectWriter PRETTY = Json.mapper().writerWithDefaultPrettyPrinter();

    static Barista snapshotApp() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false).title("Snapshot API").version("1.0.0"));
        app.get("/predict", ExampleApp.Score.class, (ctx, s) -> new ExampleApp.Prediction(s.score() * 3))
                .summary("Predict").tags("models").returns(ExampleApp.Prediction.class);
        app.post("/items", ExampleApp.Item.class, (ctx, item) -> item).status(201).returns(ExampleApp.Item.class);
        app.put("/items/{id}", ExampleApp.ItemId.class, ExampleApp.Item.class, (ctx, id, item) -> item);
        app.accessControl(ctx -> Principal.anonymous());
        app.delete("/items/{id}", ExampleApp.ItemId.class, (ctx, id) -> null).status(204)
                .requires(Requirement.permission("items:{id}:delete"));
        app.post("/auth/token", ctx -> Map.of("access_token", "t", "token_type", "bearer"));
        return app;
    }

    @Test
    void document_matches_the_checked_in_snapshot() throws IOException {
        String actual = PRETTY.writeValueAsString(ExampleApp.openApi(snapshotApp())) + "\n";
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
        }
        assertThat(SNAPSHOT).as("snapshot file (create it with -Dopenapi.snapshot.update=true)").exists();
        String expected = PRETTY.writeValueAsString(Json.mapper().readTree(SNAPSHOT.toFile())) + "\n";

        assertThat(actual).as(diffHint(expected, actual)).isEqualTo(expected);
    }

    private static String diffHint(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int line = 0;
        while (line < e.length && line < a.length && e[line].equals(a[line])) {
            line++;
        }
        return "the OpenAPI document differs from " + SNAPSHOT + " first at line " + (line + 1)
                + ":\n  snapshot: " + (line < e.length ? e[line].strip() : "<end>")
                + "\n  now:      " + (line < a.length ? a[line].strip() : "<end>")
                + "\nIf the change is intended, rerun with -Dopenapi.snapshot.update=true and review the diff.";
    }
}
