package barista.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UserMigrationsTest {
    private static final String APP = "classpath:test-migrations/app";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void the_apps_migrations_run_on_open_and_create_its_tables(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, APP); Database db = Database.open(scratch.settings())) {
            long id = db.withHandle(h -> h.createUpdate("INSERT INTO note (text, created_at) VALUES (:t, :at)")
                    .bind("t", "hello").bind("at", 1_700_000_000_000L)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            db.useHandle(h -> h.execute("INSERT INTO tag (note_id, name) VALUES (?, ?)", id, "greeting"));

            assertThat(db.dialect()).isEqualTo(dialect);
            assertThat(id).isEqualTo(1L);
            assertThat(history(db, "flyway_schema_history")).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void a_second_open_of_a_migrated_database_runs_nothing_and_keeps_the_data(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, APP)) {
            try (Database db = Database.open(scratch.settings())) {
                db.useHandle(h -> h.execute("INSERT INTO note (text, created_at) VALUES ('kept', 0)"));
            }
            try (Database db = Database.open(scratch.settings())) {
                assertThat(history(db, "flyway_schema_history")).isEqualTo(2);
                java.util.List<String> texts =
                        db.withHandle(h -> h.createQuery("SELECT text FROM note").mapTo(String.class).list());
                assertThat(texts).containsExactly("kept");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void a_migration_location_that_does_not_exist_is_fine(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:db/migration", "classpath:no/such/place");
             Database db = Database.open(scratch.settings())) {
            assertThat(db.isReachable()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void foreign_keys_are_enforced(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, APP); Database db = Database.open(scratch.settings())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> db.useHandle(h -> h.execute("INSERT INTO tag (note_id, name) VALUES (42, 'x')")))
                    .isNotInstanceOf(barista.http.HttpError.class);
        }
    }

    static int history(Database db, String table) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE success = "
                        + (db.dialect() == Dialect.SQLITE ? "1" : "true"))
                .mapTo(Integer.class).one());
    }
}
