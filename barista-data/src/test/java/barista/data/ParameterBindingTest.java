package barista.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParameterBindingTest {
    private static final String HOSTILE = "'); DROP TABLE note; --";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void sql_metacharacters_bound_as_parameters_are_stored_as_data(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            db.useHandle(h -> h.createUpdate("INSERT INTO note (text, created_at) VALUES (:text, 0)")
                    .bind("text", HOSTILE).execute());
            db.useHandle(h -> h.execute("INSERT INTO note (text, created_at) VALUES (?, 0)", "\"; \\ %_ $1 ?"));

            String read = db.withHandle(h -> h.createQuery("SELECT text FROM note WHERE text = :text")
                    .bind("text", HOSTILE).mapTo(String.class).one());
            int rows = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM note").mapTo(Integer.class).one());

            assertThat(read).isEqualTo(HOSTILE);
            assertThat(rows).isEqualTo(2);
        }
    }
}
