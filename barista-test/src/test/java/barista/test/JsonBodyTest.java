package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Transport.class)
class JsonBodyTest {
    @Parameter
    Transport transport;
    TestClient client;

    enum Kind { A, B }

    record Line(@NotBlank String sku, @Min(1) int qty) {}

    record Order(@NotBlank @Size(max = 10) String customer, @NotNull Kind kind, @Positive double total,
                 @Valid @NotNull @Size(min = 1) List<Line> lines) {}

    record Values(@NotNull List<@NotNull Integer> values) {}

    record Id(@Min(1) long id) {}

    @BeforeEach
    void start() {
        Barista app = Transport.app();
        app.post("/orders", Order.class, (ctx, o) -> o).status(201);
        app.post("/sum", Values.class, (ctx, v) -> Map.of("total", v.values().stream().mapToLong(i -> i).sum()));
        app.put("/orders/{id}", Id.class, Order.class, (ctx, id, o) -> Map.of("id", id.id(), "customer", o.customer()));
        app.post("/quick", ctx -> ctx.body(Values.class).values().size());
        client = transport.client(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private static Map<String, Object> order(Object customer, Object kind, Object total, Object lines) {
        var m = new java.util.HashMap<String, Object>();
        m.put("customer", customer);
        m.put("kind", kind);
        m.put("total", total);
        m.put("lines", lines);
        return m;
    }

    @Test
    void valid_nested_body_binds_and_status_is_the_declared_one() {
        var r = client.post("/orders", order("ann", "A", 9.5, List.of(Map.of("sku", "x1", "qty", 2))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("lines").get(0).get("sku").asText()).isEqualTo("x1");
    }

    @Test
    void every_constraint_violation_in_nested_records_is_listed_with_its_path() {
        var r = client.post("/orders", order("", "A", -1, List.of(Map.of("sku", " ", "qty", 0))));
        assertThat(r.status()).isEqualTo(422);
        var errors = r.json().get("errors").toString();
        assertThat(r.json().get("errors")).hasSize(4);
        assertThat(errors).contains("[\"body\",\"customer\"]", "[\"body\",\"total\"]",
                "[\"body\",\"lines\",0,\"sku\"]", "[\"body\",\"lines\",0,\"qty\"]");
    }

    @Test
    void type_errors_are_listed_next_to_constraint_errors() {
        var r = client.post("/orders", order("", "C", "lots", List.of(Map.of("sku", "a", "qty", "two"))));
        assertThat(r.status()).isEqualTo(422);
        var errors = r.json().get("errors").toString();
        assertThat(errors).contains("[\"body\",\"kind\"]", "must be one of: A, B", "[\"body\",\"total\"]",
                "[\"body\",\"lines\",0,\"qty\"]", "[\"body\",\"customer\"]");
    }

    @Test
    void wrong_element_types_are_each_reported() {
        var r = client.request("POST", "/sum").jsonText("{\"values\":[\"a\",2,\"b\",1.5]}").send();
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors")).hasSize(3);
        assertThat(r.json().get("errors").get(0).get("location").toString()).isEqualTo("[\"body\",\"values\",0]");
    }

    @Test
    void missing_required_field_is_422() {
        var r = client.request("POST", "/sum").jsonText("{}").send();
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("location").toString()).isEqualTo("[\"body\",\"values\"]");
    }

    @Test
    void malformed_json_is_400_without_parser_internals() {
        var r = client.request("POST", "/sum").jsonText("{\"values\":[1,2").send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("detail").asText()).startsWith("malformed JSON body").contains("line 1")
                .doesNotContain("Source").doesNotContain("REDACTED");
    }

    @Test
    void trailing_garbage_after_json_is_400() {
        assertThat(client.request("POST", "/sum").jsonText("{\"values\":[1]} x").send().status()).isEqualTo(400);
    }

    @Test
    void empty_body_is_422_missing() {
        var r = client.request("POST", "/sum").body(new byte[0], "application/json").send();
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("type").asText()).isEqualTo("missing");
    }

    @Test
    void non_json_content_type_is_415() {
        var r = client.request("POST", "/sum").body("values=1".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded").send();
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void json_suffix_types_and_charset_parameters_are_accepted() {
        var r = client.request("POST", "/sum").body("{\"values\":[1,2]}".getBytes(StandardCharsets.UTF_8),
                "application/vnd.api+json; charset=utf-8").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("total").asLong()).isEqualTo(3);
    }

    @Test
    void unknown_fields_are_ignored() {
        var r = client.request("POST", "/sum").jsonText("{\"values\":[1],\"extra\":true}").send();
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void params_and_body_bind_together_and_fail_together() {
        var ok = client.put("/orders/5", order("bo", "B", 1, List.of(Map.of("sku", "s", "qty", 1))));
        assertThat(ok.json().get("id").asLong()).isEqualTo(5);
        var bad = client.put("/orders/0", order("", "B", 1, List.of(Map.of("sku", "s", "qty", 1))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").toString()).contains("[\"path\",\"id\"]", "[\"body\",\"customer\"]");
    }

    @Test
    void quick_style_body_reading_validates_the_same_way() {
        assertThat(client.post("/quick", Map.of("values", List.of(1, 2, 3))).text()).isEqualTo("3");
        assertThat(client.request("POST", "/quick").jsonText("{\"values\":[\"x\"]}").send().status()).isEqualTo(422);
    }
}
