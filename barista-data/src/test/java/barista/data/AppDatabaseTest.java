package barista.data;

import barista.test.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void the_app_has_one_database_that_reports_readiness_and_closes_on_stop() {
        Path file = tmp.resolve("app.db");
        var app = Barista.create(cfg -> cfg.property("barista.data.url", "jdbc:sqlite:" + file)
                .property("barista.data.migrations", "classpath:test-migrations/app"));
        Database db = Database.of(app);
        app.get("/notes", ctx -> Map.of("count",
                db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM note").mapTo(Integer.class).one())));

        assertThat(Database.of(app)).isSameAs(db);
        assertThat(file).exists();
        var client = TestClient.inProcess(app);
        assertThat(client.get("/notes").json().get("count").asInt()).isZero();
        assertThat(client.get("/readyz").json().get("checks").get("database").asText()).isEqualTo("up");

        app.stop();
        assertThat(db.isReachable()).isFalse();
    }

    @Test
    void a_handler_that_touches_a_lost_database_answers_503_without_naming_it() throws Exception {
        try (TcpProxy proxy = new TcpProxy(Scratch.PG_HOST, Scratch.PG_PORT).start();
             Scratch scratch = Scratch.postgres(proxy.port(), "classpath:test-migrations/app")) {
            var app = Barista.create(cfg -> cfg.property("barista.data.url", scratch.settings().url())
                    .property("barista.data.user", Scratch.PG_USER)
                    .property("barista.data.migrations", "classpath:test-migrations/app"));
            Database db = Database.of(app);
            app.get("/notes", ctx -> Map.of("count",
                    db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM note").mapTo(Integer.class).one())));
            var client = TestClient.inProcess(app);
            try {
                assertThat(client.get("/notes").status()).isEqualTo(200);

                proxy.stop();
                TestResponse down = client.get("/notes");

                assertThat(down.status()).isEqualTo(503);
                assertThat(down.header("Content-Type")).startsWith("application/problem+json");
                assertThat(down.json().get("detail").asText()).isEqualTo("database unavailable");
                assertThat(down.text()).doesNotContain(String.valueOf(proxy.port())).doesNotContain(scratch.schema());
                assertThat(DatabaseLossTest.eventually(() -> client.get("/readyz").json()
                        .get("checks").get("database").asText().equals("down"))).isTrue();
            } finally {
                app.stop();
            }
        }
    }
}
