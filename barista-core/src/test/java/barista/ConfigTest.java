package barista;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaults_are_localhost_8000_with_a_1mb_body_limit() {
        Config c = new Config.Builder().build(Map.of());
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8000);
        assertThat(c.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(c.devMode()).isFalse();
        assertThat(c.securityHeaders()).isTrue();
        assertThat(c.cors().enabled()).isFalse();
    }

    @Test
    void properties_override_code_and_parse_units() {
        Config.Builder b = new Config.Builder().port(9000).maxBodyBytes(10);
        Map<String, String> p = Map.of("barista.port", "8081", "barista.max-body-size", "2MB",
                "barista.shutdown-grace", "1500ms", "barista.dev", "true", "barista.handlers", "event-loop",
                "barista.cors.allowed-origins", "https://a.example, https://b.example");
        b.apply(p);
        Config c = b.build(p);
        assertThat(c.port()).isEqualTo(8081);
        assertThat(c.maxBodyBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(c.shutdownGrace()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.devMode()).isTrue();
        assertThat(c.eventLoopHandlers()).isTrue();
        assertThat(c.cors().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
    }

    @Test
    void booleans_accept_the_usual_spellings() {
        Config.Builder b = new Config.Builder();
        b.apply(Map.of("barista.dev", "yes", "barista.security-headers", "0", "barista.request-log", "off"));
        Config c = b.build(Map.of());
        assertThat(c.devMode()).isTrue();
        assertThat(c.securityHeaders()).isFalse();
        assertThat(c.requestLog()).isFalse();
    }

    @Test
    void environment_variables_map_to_property_names() {
        Map<String, String> into = new HashMap<>();
        Config.readEnv(Map.of("BARISTA_PORT", "7000", "BARISTA_MAX_BODY_SIZE", "64KB", "BARISTA_DOCS_ENABLED", "false",
                "HOME", "/root"), into);
        assertThat(into).containsEntry("barista.port", "7000").containsEntry("barista.max-body-size", "64KB")
                .containsEntry("barista.docs.enabled", "false").doesNotContainKey("home");
    }

    @Test
    void a_module_property_with_dashes_is_set_by_its_environment_variable() {
        Map<String, String> into = new HashMap<>();
        into.put("barista.auth.jwt-secret", "from-the-file");
        Config.readEnv(Map.of("BARISTA_AUTH_JWT_SECRET", "from-the-env", "BARISTA_ALLOWED_HOSTS", "api.example.com"), into);
        Config config = new Config.Builder().build(into);
        assertThat(config.property("barista.auth.jwt-secret", null)).isEqualTo("from-the-env");
        assertThat(config.property("barista.allowed-hosts", null)).isEqualTo("api.example.com");
        assertThat(config.property("barista.allowed.hosts", null)).isEqualTo("api.example.com");
    }

    @Test
    void durations_take_units_up_to_days_and_a_malformed_one_names_the_property() {
        Config config = new Config.Builder().build(Map.of("barista.a", "500ms", "barista.b", "2h", "barista.c", "1d",
                "barista.d", "90", "barista.e", "soon"));
        assertThat(config.duration("barista.a", null)).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(config.duration("barista.b", null)).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(config.duration("barista.c", null)).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(config.duration("barista.d", null)).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(config.duration("barista.unset", java.time.Duration.ofMinutes(15))).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThatThrownBy(() -> config.duration("barista.e", null)).isInstanceOf(SetupException.class)
                .hasMessageContaining("barista.e must be a duration");
    }

    @Test
    void whole_numbers_have_a_minimum_and_a_bad_one_names_the_property() {
        Config config = new Config.Builder().build(Map.of("barista.a", " 12 ", "barista.b", "0", "barista.c", "many"));
        assertThat(config.integer("barista.a", 5, 1)).isEqualTo(12);
        assertThat(config.integer("barista.unset", 5, 1)).isEqualTo(5);
        assertThat(config.integer("barista.b", 5, 0)).isEqualTo(0);
        assertThatThrownBy(() -> config.integer("barista.b", 5, 1)).isInstanceOf(SetupException.class)
                .hasMessage("barista.b must be a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> config.integer("barista.c", 5, 1)).isInstanceOf(SetupException.class)
                .hasMessageContaining("barista.c must be a whole number");
    }

    @Test
    void a_later_source_wins_whatever_its_spelling() {
        Config.Builder code = new Config.Builder().property("barista.models.access", "open");
        Config config = code.build(Map.of("barista.models_access", "permission"));
        assertThat(config.property("barista.models.access", null)).isEqualTo("permission");
    }

    @Test
    void bad_values_fail_start_up_with_the_reason() {
        Config.Builder b = new Config.Builder();
        assertThatThrownBy(() -> b.apply(Map.of("barista.port", "eighty"))).isInstanceOf(SetupException.class);
        assertThatThrownBy(() -> b.apply(Map.of("barista.handlers", "threads")))
                .isInstanceOf(SetupException.class).hasMessageContaining("event-loop");
        assertThatThrownBy(() -> b.port(70000)).isInstanceOf(SetupException.class);
        assertThatThrownBy(() -> b.apply(Map.of("barista.dev", "ture"))).isInstanceOf(SetupException.class)
                .hasMessageContaining("barista.dev");
        assertThatThrownBy(() -> b.apply(Map.of("barista.event-loops", "-1"))).isInstanceOf(SetupException.class);
        Config.Builder credentialsForAnyone = new Config.Builder()
                .cors(new Config.Cors(java.util.List.of("*"), java.util.List.of("GET"), java.util.List.of(), true,
                        Duration.ZERO));
        assertThatThrownBy(() -> credentialsForAnyone.build(Map.of())).isInstanceOf(SetupException.class);
    }
}
