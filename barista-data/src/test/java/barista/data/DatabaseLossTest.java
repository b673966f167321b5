package barista.data;

import barista.test.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.SetupException;
import barista.http.HttpError;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** PostgreSQL behind a {@link TcpProxy} that the test takes away and brings back. */
class DatabaseLossTest {
    @Test
    void a_query_while_the_database_is_gone_is_a_503_and_the_pool_recovers_when_it_returns() throws Exception {
        try (TcpProxy proxy = new TcpProxy(Scratch.PG_HOST, Scratch.PG_PORT).start();
             Scratch scratch = Scratch.postgres(proxy.port(), "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            db.useHandle(h -> h.execute("INSERT INTO note (text, created_at) VALUES ('before', 0)"));
            assertThat(db.isReachable()).isTrue();

            proxy.stop();
            for (int attempt = 0; attempt < 2; attempt++) {
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> count(db))
                        .isInstanceOfSatisfying(HttpError.ServiceUnavailable.class, e -> {
                            assertThat(e.status()).isEqualTo(503);
                            assertThat(e.getMessage()).isEqualTo("database unavailable");
                        });
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            }
            assertThatThrownBy(() -> db.useTransaction(h -> h.execute("DELETE FROM note")))
                    .isInstanceOf(HttpError.ServiceUnavailable.class);
            assertThat(eventually(() -> !db.isReachable())).isTrue();

            proxy.start();
            assertThat(eventually(() -> {
                try {
                    return count(db) == 1;
                } catch (HttpError.ServiceUnavailable stillDown) {
                    return false;
                }
            })).isTrue();
            assertThat(eventually(db::isReachable)).isTrue();
        }
    }

    @Test
    void opening_an_unreachable_database_stops_setup_naming_the_url_but_not_the_password() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var settings = new DataSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/test?password=s3cret",
                "postgres", "hunter2", 2, List.of(), "FULL");

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + closedPort + "/test")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("hunter2");
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("hunter2");
    }

    private static int count(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM note").mapTo(Integer.class).one());
    }

    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
