package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemsApiTest {
    TestClient client;

    static Map<String, Object> latte() {
        return Map.of("name", "latte", "category", "COFFEE", "price", Map.of("amount", 3.5, "currency", "EUR"),
                "tags", List.of("hot", "milk"));
    }

    @BeforeEach
    void start() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        new ItemsApi().install(app);
        client = TestClient.inProcess(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void create_read_replace_delete() {
        var created = client.post("/items", latte());
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(client.get("/items/" + id).json().get("item").get("name").asText()).isEqualTo("latte");
        var replaced = client.put("/items/" + id, Map.of("name", "flat white", "category", "COFFEE"));
        assertThat(replaced.json().get("item").get("name").asText()).isEqualTo("flat white");
        assertThat(client.delete("/items/" + id).status()).isEqualTo(204);
        assertThat(client.get("/items/" + id).status()).isEqualTo(404);
        assertThat(client.delete("/items/" + id).status()).isEqualTo(404);
    }

    @Test
    void search_uses_defaults_filters_and_paging() {
        client.post("/items", latte());
        client.post("/items", Map.of("name", "green tea", "category", "TEA"));
        assertThat(client.get("/items").json().get("total").asInt()).isEqualTo(2);
        assertThat(client.get("/items?category=tea").json().get("items").get(0).get("item").get("name").asText())
                .isEqualTo("green tea");
        assertThat(client.get("/items?tag=hot&tag=milk").json().get("total").asInt()).isEqualTo(1);
        assertThat(client.get("/items?limit=1&offset=1").json().get("items")).hasSize(1);
    }

    @Test
    void every_invalid_field_of_a_nested_body_is_reported() {
        var r = client.post("/items", Map.of("name", "", "category", "COFFEE",
                "price", Map.of("amount", -1, "currency", "euro"), "tags", List.of("", "a", "b", "c", "d", "e")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").toString()).contains("[\"body\",\"name\"]", "[\"body\",\"price\",\"amount\"]",
                "[\"body\",\"price\",\"currency\"]", "[\"body\",\"tags\"]", "[\"body\",\"tags\",0]");
    }

    @Test
    void bad_search_parameters_are_all_reported() {
        var r = client.get("/items?limit=500&offset=-1&category=SOUP");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors")).hasSize(3);
    }
}
