package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void healthz_is_200_and_readyz_follows_start_and_checks() {
        AtomicBoolean warm = new AtomicBoolean(false);
        Barista app = Transport.app().readiness("model-warm", warm::get);
        try (var client = TestClient.overSocket(app)) {
            assertThat(client.get("/healthz").status()).isEqualTo(200);
            var notReady = client.get("/readyz");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.json().get("checks").get("model-warm").asText()).isEqualTo("down");
            warm.set(true);
            var ready = client.get("/readyz");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("ready");
        }
    }

    @Test
    void readyz_is_503_before_the_server_started() {
        var client = TestClient.inProcess(Transport.app());
        var r = client.get("/readyz");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("status").asText()).isEqualTo("starting");
    }

    @Test
    void a_check_that_throws_counts_as_down() {
        Barista app = Transport.app().readiness("db", () -> {
            throw new IllegalStateException("db gone");
        });
        try (var client = TestClient.overSocket(app)) {
            assertThat(client.get("/readyz").status()).isEqualTo(503);
        }
    }
}
