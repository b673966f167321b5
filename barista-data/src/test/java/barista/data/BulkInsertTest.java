package barista.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** BulkInsert on both databases: COPY on PostgreSQL and a batched INSERT on SQLite must store the same rows. */
class BulkInsertTest {
    @TempDir
    Path tmp;

    record Note(String text, long createdAt) {
    }

    private static BulkInsert<Note> notes(Database db) {
        return BulkInsert.into(db, "note", List.of("text", "created_at"),
                (n, row) -> row.text(n.text()).number(n.createdAt()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void every_row_is_stored_with_its_values_as_data(Dialect dialect) throws SQLException {
        List<Note> written = List.of(
                new Note("plain", 1),
                new Note("tab\there, newline\nthere, return\r, backslash \\ and \\N and \\t", 2),
                new Note("'); DROP TABLE note; --", 3),
                new Note("{\"json\": [1.5, \"a\\\"b\"]}", 4),
                new Note("unicode: é 日本 🍵 (a surrogate pair)", Long.MAX_VALUE),
                new Note("", Long.MIN_VALUE));
        assertStoredAsWritten(dialect, written);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void a_large_batch_is_sent_in_pieces_and_stored_whole(Dialect dialect) throws SQLException {
        List<Note> written = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            written.add(new Note("note " + i + " " + "é".repeat(i % 200), i)); // about 0.9 MB of COPY data
        }
        assertStoredAsWritten(dialect, written);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void a_row_the_database_refuses_fails_the_whole_write(Dialect dialect) {
        List<Note> written = List.of(new Note("kept?", 1), new Note(null, 2)); // text is NOT NULL
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            assertThatThrownBy(() -> notes(db).write(written)).isInstanceOf(SQLException.class);

            assertThat(stored(db)).isEmpty();
            notes(db).write(List.of(new Note("the connection is usable again", 3)));
            assertThat(stored(db)).extracting(Note::text).containsExactly("the connection is usable again");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void a_mapper_that_writes_the_wrong_number_of_values_fails_before_anything_is_stored(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            BulkInsert<Note> tooFew = BulkInsert.into(db, "note", List.of("text", "created_at"),
                    (n, row) -> row.text(n.text()));
            BulkInsert<Note> tooMany = BulkInsert.into(db, "note", List.of("text", "created_at"),
                    (n, row) -> row.text(n.text()).number(1).number(2));

            assertThatThrownBy(() -> tooFew.write(List.of(new Note("a", 1))))
                    .isInstanceOf(IllegalStateException.class).hasMessage("the mapper wrote 1 values for 2 columns");
            assertThatThrownBy(() -> tooMany.write(List.of(new Note("a", 1))))
                    .isInstanceOf(IllegalStateException.class).hasMessage("the mapper wrote 3 values for 2 columns");
            assertThat(stored(db)).isEmpty();
        }
    }

    @Test
    void postgresql_text_cannot_hold_nul_so_such_a_value_fails_before_anything_is_sent() {
        try (Scratch scratch = Scratch.of(Dialect.POSTGRESQL, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            assertThatThrownBy(() -> notes(db).write(List.of(new Note("fine", 1), new Note("nul\0here", 2))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
            assertThat(stored(db)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void nan_is_refused_on_both_databases_since_sqlite_would_store_null(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            BulkInsert<Double> values = BulkInsert.into(db, "note", List.of("text", "created_at"),
                    (d, row) -> row.number(d).number(1));

            assertThatThrownBy(() -> values.write(List.of(1.5, Double.NaN)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
            assertThat(stored(db)).isEmpty();
        }
    }

    @Test
    void table_and_column_names_must_be_plain_names() {
        try (Scratch scratch = Scratch.of(Dialect.SQLITE, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            assertThatThrownBy(() -> BulkInsert.<Note>into(db, "note; DROP TABLE note", List.of("text"), (n, r) -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not a plain SQL name: note; DROP TABLE note");
            assertThatThrownBy(() -> BulkInsert.<Note>into(db, "note", List.of("text\"x"), (n, r) -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> BulkInsert.<Note>into(db, "note", List.of(), (n, r) -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private void assertStoredAsWritten(Dialect dialect, List<Note> written) throws SQLException {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            notes(db).write(written);

            assertThat(stored(db)).containsExactlyElementsOf(written);
        }
    }

    private static List<Note> stored(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT text, created_at FROM note ORDER BY id")
                .map((rs, ctx) -> new Note(rs.getString(1), rs.getLong(2))).list());
    }
}
