package barista.inference.log;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TcpProxy;
import barista.test.TestClient;
import barista.test.TestPostgres;
import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL behind a proxy that the test takes away: predictions that must be logged get 503
 * (never an unlogged 200), and the app recovers by itself when the database returns.
 */
class PredictionLogOutageTest {
    private static final Map<String, Object> ROW = Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2)));

    @TempDir
    Path dir;

    @Test
    void a_lost_database_turns_predictions_into_503_until_it_returns() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPostgres.HOST, TestPostgres.PORT).start();
             TestPostgres pg = TestPostgres.schema(proxy.port())) {
            Barista app = LogApps.app(LogApps.Store.POSTGRESQL, dir, pg, cfg -> { });
            try (var client = TestClient.overSocket(app)) {
                assertThat(predict(client, "before").status()).isEqualTo(200);

                proxy.stop();
                TestResponse down = predict(client, "during");
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.header("Content-Type")).startsWith("application/problem+json");
                assertThat(down.text()).doesNotContain(String.valueOf(proxy.port())).doesNotContain("postgres");

                proxy.start();
                TestResponse back = awaitOk(client);
                assertThat(back.status()).isEqualTo(200);
                PredictionLog log = PredictionLog.of(app);
                assertThat(log.find("before")).isPresent();
                assertThat(log.find("during")).isEmpty();
                assertThat(log.stats().failed()).isPositive();
            } finally {
                app.stop();
            }
        }
    }

    private static TestResponse awaitOk(TestClient client) throws InterruptedException {
        long until = System.nanoTime() + 15_000_000_000L;
        TestResponse r;
        do {
            r = predict(client, "after");
            if (r.status() == 200) {
                return r;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < until);
        return r;
    }

    private static TestResponse predict(TestClient client, String id) {
        return client.request("POST", "/models/iris/predict").header("X-Request-Id", id).json(ROW).send();
    }
}
