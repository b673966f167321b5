package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's testing example: how users test their own apps. */
class TestClientExampleTest {

    // tag::testclient[]
    @Test
    void predict_in_process() {
        Barista app = DemoServer.app();
        try (var client = TestClient.inProcess(app)) {
            var r = client.get("/predict?score=5");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("prediction").asInt()).isEqualTo(15);
        }
    }

    @Test
    void sum_over_a_real_socket() {
        Barista app = DemoServer.app(Barista.create(cfg -> cfg.port(0)));
        try (var client = TestClient.overSocket(app)) {
            var r = client.post("/sum", Map.of("values", List.of(1, 2, 3)));
            assertThat(r.json().get("total").asInt()).isEqualTo(6);
            assertThat(client.get("/sum").status()).isEqualTo(405);
        }
    }
    // end::testclient[]
}
