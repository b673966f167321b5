package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.binding.Cookie;
import barista.binding.Header;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Transport.class)
class PathHeaderCookieParamsTest {
    @Parameter
    Transport transport;
    TestClient client;

    record ItemTag(@Min(1) long id, String tag, @Header @NotBlank String xToken, @Header("User-Agent") Optional<String> agent,
                   @Cookie Optional<String> session) {}

    record Paged(@barista.binding.Query("page-size") int pageSize) {}

    @BeforeEach
    void start() {
        Barista app = Transport.app();
        app.get("/items/{id}/tags/{tag}", ItemTag.class, (ctx, p) -> p);
        app.get("/raw/{name}", ctx -> ctx.pathParam("name") + "|" + ctx.query("q") + "|" + ctx.header("x-a") + "|"
                + ctx.cookie("c"));
        app.get("/paged", Paged.class, (ctx, p) -> Integer.toString(p.pageSize()));
        client = transport.client(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void path_header_and_cookie_values_bind_into_the_record() {
        var r = client.request("GET", "/items/7/tags/caf%C3%A9").header("X-Token", "secret")
                .header("User-Agent", "tests/1").cookie("session", "s1").send();
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("id").asLong()).isEqualTo(7);
        assertThat(r.json().get("tag").asText()).isEqualTo("caf\u00e9");
        assertThat(r.json().get("xToken").asText()).isEqualTo("secret");
        assertThat(r.json().get("agent").asText()).isEqualTo("tests/1");
        assertThat(r.json().get("session").asText()).isEqualTo("s1");
    }

    @Test
    void bad_path_and_missing_header_are_both_listed_with_their_locations() {
        var r = client.get("/items/0/tags/x");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").toString())
                .contains("[\"path\",\"id\"]").contains("[\"header\",\"x-token\"]");
    }

    @Test
    void non_numeric_path_variable_is_422_not_404() {
        var r = client.request("GET", "/items/abc/tags/x").header("X-Token", "t").send();
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("location").toString()).isEqualTo("[\"path\",\"id\"]");
    }

    @Test
    void an_escaped_percent_in_a_path_value_is_decoded_once() {
        assertThat(client.get("/raw/50%25").text()).startsWith("50%|");
        assertThat(client.get("/raw/a%2541").text()).startsWith("a%41|");
    }

    @Test
    void query_names_that_are_not_identifiers_bind_with_query_annotation() {
        assertThat(client.get("/paged?page-size=7").text()).isEqualTo("7");
    }

    @Test
    void quick_style_reads_the_same_values_from_the_context() {
        var r = client.request("GET", "/raw/a%20b?q=x%26y").header("X-A", "h").cookie("c", "\"v\"").send();
        assertThat(r.text()).isEqualTo("a b|x&y|h|v");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }
}
