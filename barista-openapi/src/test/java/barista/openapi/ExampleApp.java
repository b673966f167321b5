package barista.openapi;

import barista.Barista;
import barista.binding.Default;
import barista.binding.Header;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The app most tests document: the README's shapes, one of each kind of input and output. */
final class ExampleApp {
    enum Kind { A, B }

    record Score(@Min(0) @Max(100) int score, @Default("10") @Min(1) int limit, Optional<String> q,
                 @Header String xToken) {
    }

    record Item(@NotBlank @Size(max = 50) String name, @Positive double price, List<@NotBlank String> tags,
                Kind kind) {
    }

    record Prediction(int prediction) {
    }

    record ItemId(long id) {
    }

    record Search(@Size(min = 2) @Pattern(regexp = "[a-z]+") String term, List<Kind> kinds,
                  @Default("true") boolean fuzzy) {
    }

    record Address(@NotBlank String city, @Pattern(regexp = "\\d{5}") String zip) {
    }

    record Customer(@NotBlank @Email String email, @Valid Address address, @Size(min = 1, max = 3) List<Address> others) {
    }

    private ExampleApp() {
    }

    static Barista create() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false).port(0).title("Example API").version("1.2.3"));
        app.get("/predict", Score.class, (ctx, s) -> new Prediction(s.score() * 3))
                .summary("Predict").tags("models").returns(Prediction.class);
        app.post("/items", Item.class, (ctx, item) -> item).status(201).returns(Item.class);
        app.put("/items/{id}", ItemId.class, Item.class, (ctx, id, item) -> item)
                .description("Replaces an item.").operationId("replaceItem");
        app.get("/search", Search.class, (ctx, s) -> List.of()).returns(Object.class).deprecated();
        app.post("/customers", Customer.class, (ctx, c) -> Map.of("ok", true));
        app.get("/notes/{noteId}", ctx -> ctx.pathParam("noteId"));
        app.delete("/items/{id}", ItemId.class, (ctx, id) -> null).status(204);
        app.get("/internal", ctx -> "secret").hidden();
        return app;
    }

    /** The app's {@code /openapi.json}, fetched as a client would. */
    static JsonNode openApi(Barista app) {
        try (TestClient client = TestClient.inProcess(app)) {
            TestResponse r = client.get("/openapi.json");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.header("content-type")).startsWith("application/json");
            return r.json();
        }
    }

    /** The example app's document, resolving {@code $ref}s on request. */
    static JsonNode openApi() {
        return openApi(create());
    }

    /** The component schema a {@code {"$ref": "#/components/schemas/X"}} node points at. */
    static JsonNode resolve(JsonNode document, JsonNode ref) {
        String pointer = ref.path("$ref").asText();
        assertThat(pointer).startsWith("#/components/schemas/");
        JsonNode target = document.at(pointer.substring(1));
        assertThat(target.isMissingNode()).as("%s resolves", pointer).isFalse();
        return target;
    }
}
