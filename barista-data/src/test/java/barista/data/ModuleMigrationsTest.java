package barista.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModuleMigrationsTest {
    private static final String APP = "classpath:test-migrations/app";
    private static final String AUTH = "classpath:test-migrations/auth";
    private static final String BILLING = "classpath:test-migrations/billing";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void each_module_keeps_its_own_history_so_their_v1s_do_not_collide(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, APP); Database db = Database.open(scratch.settings())) {
            assertThat(db.migrate("auth", AUTH)).isEqualTo(1);
            assertThat(db.migrate("billing", BILLING)).isEqualTo(1);

            assertThat(UserMigrationsTest.history(db, "flyway_schema_history")).isEqualTo(2);
            assertThat(versions(db, "barista_auth_history")).contains("1");
            assertThat(versions(db, "barista_billing_history")).contains("1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void migrating_an_up_to_date_module_again_runs_nothing(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp)) {
            try (Database db = Database.open(scratch.settings())) {
                assertThat(db.migrate("auth", AUTH)).isEqualTo(1);
                assertThat(db.migrate("auth", AUTH)).isZero();
            }
            try (Database db = Database.open(scratch.settings())) {
                assertThat(db.migrate("auth", AUTH)).isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void the_id_and_bytes_placeholders_give_generated_keys_and_binary_columns(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp); Database db = Database.open(scratch.settings())) {
            db.migrate("auth", AUTH);
            byte[] secret = {0, 1, 2, (byte) 0xff, 0};

            long first = insertAccount(db, "ada", secret);
            long second = insertAccount(db, "bob", new byte[0]);

            assertThat(second).isEqualTo(first + 1);
            byte[] read = db.withHandle(h -> h.createQuery("SELECT secret FROM auth_account WHERE id = :id")
                    .bind("id", first).mapTo(byte[].class).one());
            assertThat(read).containsExactly(secret);
        }
    }

    @Test
    void a_module_name_that_is_not_a_plain_lower_case_word_is_refused() throws Exception {
        try (Database db = Database.open(DataSettings.sqlite(tmp.resolve("m.db")))) {
            assertThatThrownBy(() -> db.migrate("Auth; DROP", AUTH)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_failing_migration_stops_setup_naming_the_module() {
        try (Database db = Database.open(DataSettings.sqlite(tmp.resolve("m.db")))) {
            db.migrate("auth", AUTH);
            assertThatThrownBy(() -> db.migrate("clash", AUTH))
                    .isInstanceOf(barista.SetupException.class)
                    .hasMessageContaining("module clash");
        }
    }

    private static long insertAccount(Database db, String name, byte[] secret) {
        return db.inTransaction(h -> h.createUpdate(
                        "INSERT INTO auth_account (name, secret, created_at) VALUES (:name, :secret, :at)")
                .bind("name", name).bind("secret", secret).bind("at", System.currentTimeMillis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static java.util.List<String> versions(Database db, String table) {
        return db.withHandle(h -> h.createQuery("SELECT version FROM " + table + " WHERE version IS NOT NULL")
                .mapTo(String.class).list());
    }
}
