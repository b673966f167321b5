package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.binding.Default;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Transport.class)
class QueryParamsTest {
    @Parameter
    Transport transport;
    TestClient client;

    enum Size2 { SMALL, LARGE }

    record Score(@Min(0) @Max(100) int score) {}

    record Search(@Default("10") @Min(1) int limit, Optional<String> q, List<Integer> ids, Optional<Size2> size,
                  @Default("false") boolean exact, Optional<LocalDate> since, Optional<UUID> ref,
                  Optional<@Size(min = 2) String> prefix) {}

    @BeforeEach
    void start() {
        Barista app = Transport.app();
        app.get("/predict", Score.class, (ctx, s) -> Map.of("prediction", 3 * s.score()));
        app.get("/search", Search.class, (ctx, s) -> s);
        client = transport.client(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void typed_int_query_param_is_bound() {
        var r = client.get("/predict?score=5");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.json().get("prediction").asInt()).isEqualTo(15);
    }

    @Test
    void non_integer_gives_422_with_location_and_reason() {
        var r = client.get("/predict?score=abc");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        var error = r.json().get("errors").get(0);
        assertThat(error.get("location").toString()).isEqualTo("[\"query\",\"score\"]");
        assertThat(error.get("message").asText()).isEqualTo("must be an integer");
        assertThat(error.get("type").asText()).isEqualTo("int_parsing");
        assertThat(r.json().get("status").asInt()).isEqualTo(422);
        assertThat(r.json().get("title").asText()).isEqualTo("Unprocessable Content");
    }

    @Test
    void missing_query_param_gives_422_with_location() {
        var r = client.get("/predict");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("type").asText()).isEqualTo("missing");
        assertThat(r.json().get("errors").get(0).get("location").toString()).isEqualTo("[\"query\",\"score\"]");
    }

    @Test
    void constraint_violation_gives_422_naming_the_constraint() {
        var r = client.get("/predict?score=101");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("type").asText()).isEqualTo("Max");
        assertThat(r.json().get("errors").get(0).get("message").asText()).contains("100");
    }

    @Test
    void defaults_optionals_and_empty_lists_apply_when_absent() {
        var r = client.get("/search");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("limit").asInt()).isEqualTo(10);
        assertThat(r.json().get("q").isNull()).isTrue();
        assertThat(r.json().get("ids")).isEmpty();
        assertThat(r.json().get("exact").asBoolean()).isFalse();
    }

    @Test
    void repeated_params_enums_dates_uuids_and_booleans_are_converted() {
        String uuid = "123e4567-e89b-12d3-a456-426614174000";
        var r = client.get("/search?limit=3&q=latte+art&ids=1&ids=2&size=LARGE&exact=yes&since=2026-01-31&ref=" + uuid);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("limit").asInt()).isEqualTo(3);
        assertThat(r.json().get("q").asText()).isEqualTo("latte art");
        assertThat(r.json().get("ids").toString()).isEqualTo("[1,2]");
        assertThat(r.json().get("size").asText()).isEqualTo("LARGE");
        assertThat(r.json().get("exact").asBoolean()).isTrue();
        assertThat(r.json().get("since").asText()).isEqualTo("2026-01-31");
        assertThat(r.json().get("ref").asText()).isEqualTo(uuid);
    }

    @Test
    void every_failing_param_is_listed_not_just_the_first() {
        var r = client.get("/search?limit=0&ids=1&ids=x&size=HUGE&since=yesterday&prefix=a&exact=maybe");
        assertThat(r.status()).isEqualTo(422);
        var locations = r.json().get("errors").findValuesAsText("type");
        assertThat(r.json().get("errors")).hasSize(6);
        assertThat(locations).containsExactlyInAnyOrder("Min", "int_parsing", "enum", "bool_parsing", "date_parsing",
                "Size");
        assertThat(r.text()).contains("must be one of: SMALL, LARGE");
    }

    @Test
    void malformed_percent_escape_in_query_is_400() {
        if (transport == Transport.SOCKET) {
            return; // java.net.URI refuses to send it; SocketBehaviourTest covers raw requests
        }
        var r = client.get("/predict?score=%zz");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    }
}
