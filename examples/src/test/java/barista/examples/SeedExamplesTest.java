package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four styles of the Python seed, as the demo server serves them. */
class SeedExamplesTest {
    TestClient client;

    @BeforeEach
    void start() {
        client = TestClient.inProcess(DemoServer.app(Barista.create(cfg -> cfg.requestLog(false))));
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void fastapi_style_predict_triples_the_score() {
        assertThat(client.get("/predict?score=5").text()).isEqualTo("{\"prediction\":15}");
        assertThat(client.get("/predict?score=-4").json().get("prediction").asInt()).isEqualTo(-12);
    }

    @Test
    void fastapi_style_score_must_be_an_int() {
        var r = client.get("/predict?score=five");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("location").toString()).isEqualTo("[\"query\",\"score\"]");
        assertThat(client.get("/predict?score=1.5").status()).isEqualTo(422);
        assertThat(client.get("/predict").status()).isEqualTo(422);
    }

    @Test
    void flask_style_sum_adds_the_values() {
        assertThat(client.post("/sum", Map.of("values", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).text())
                .isEqualTo("{\"total\":55}");
        assertThat(client.post("/sum", Map.of("values", List.of())).json().get("total").asLong()).isZero();
    }

    @Test
    void flask_style_sum_refuses_non_integers() {
        var r = client.request("POST", "/sum").jsonText("{\"values\":[\"a\"]}").send();
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("location").toString()).isEqualTo("[\"body\",\"values\",0]");
        assertThat(client.request("POST", "/sum").jsonText("{\"values\":[null]}").send().status()).isEqualTo(422);
    }

    @Test
    void django_style_view_returns_87() {
        assertThat(client.get("/result").text()).isEqualTo("{\"result\":87}");
    }

    @Test
    void tornado_style_handler_returns_99_and_only_serves_get() {
        assertThat(client.get("/prediction").text()).isEqualTo("{\"prediction\":99}");
        assertThat(client.request("POST", "/prediction").send().status()).isEqualTo(405);
    }
}
