package barista.test;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

    private static Barista app(String allowed) {
        Barista app = Barista.create(cfg -> {
            cfg.port(0).requestLog(false);
            if (allowed != null) {
                cfg.property("barista.allowed-hosts", allowed);
            }
        });
        app.get("/ping", ctx -> "pong");
        return app;
    }

    private static int status(Barista app, String host) {
        return TestClient.inProcess(app).request("GET", "/ping").header("Host", host).send().status();
    }

    @Test
    void a_loopback_app_answers_loopback_names_and_refuses_a_rebound_domain() {
        Barista app = app(null);
        assertThat(status(app, "localhost:8000")).isEqualTo(200);
        assertThat(status(app, "127.0.0.1:8000")).isEqualTo(200);
        assertThat(status(app, "[::1]:8000")).isEqualTo(200);
        var refused = TestClient.inProcess(app).request("GET", "/ping").header("Host", "attacker.example").send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("barista.allowed-hosts");
    }

    @Test
    void listed_names_and_dot_suffixes_are_allowed_and_nothing_else() {
        Barista app = app("api.example.com, .internal.example");
        assertThat(status(app, "api.example.com")).isEqualTo(200);
        assertThat(status(app, "API.Example.com:443")).isEqualTo(200);
        assertThat(status(app, "internal.example")).isEqualTo(200);
        assertThat(status(app, "node1.internal.example")).isEqualTo(200);
        assertThat(status(app, "evilinternal.example")).isEqualTo(400);
        assertThat(status(app, "localhost")).isEqualTo(400);
    }

    @Test
    void a_star_allows_every_host() {
        assertThat(status(app("*"), "anything.example")).isEqualTo(200);
    }

    @Test
    void a_real_client_over_the_socket_is_answered() {
        try (var client = TestClient.overSocket(app(null))) {
            assertThat(client.get("/ping").status()).isEqualTo(200);
        }
    }

    @Test
    void an_app_on_every_address_with_no_setting_says_so_when_it_starts() {
        try (LogCapture log = LogCapture.of("barista")) {
            for (String setting : new String[] {null, "*"}) {
                Barista app = Barista.create(cfg -> {
                    cfg.host("0.0.0.0").port(0).requestLog(false);
                    if (setting != null) {
                        cfg.property("barista.allowed-hosts", setting);
                    }
                });
                app.start();
                app.stop();
            }
            app(null).start().stop(); // loopback: nothing to say
            assertThat(log.records).filteredOn(r -> r.getLevel() == java.util.logging.Level.WARNING)
                    .extracting(java.util.logging.LogRecord::getMessage)
                    .filteredOn(m -> m.contains("barista.allowed-hosts")).hasSize(1);
        }
    }
}
