package barista.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransactionTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void a_transaction_that_returns_is_committed(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            int inserted = db.inTransaction(h -> insert(h, "one") + insert(h, "two"));
            db.useTransaction(h -> insert(h, "three"));

            assertThat(inserted).isEqualTo(2);
            assertThat(texts(db)).containsExactlyInAnyOrder("one", "two", "three");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void a_transaction_that_throws_is_rolled_back_and_the_exception_propagates(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            assertThatThrownBy(() -> db.useTransaction(h -> {
                insert(h, "lost");
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThatThrownBy(() -> db.inTransaction(h -> {
                insert(h, "lost too");
                return h.execute("INSERT INTO no_such_table VALUES (1)");
            })).isNotInstanceOf(barista.http.HttpError.class);

            assertThat(texts(db)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void a_thread_knows_whether_it_is_inside_a_transaction(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            assertThat(db.isInTransaction()).isFalse();
            boolean inHandle = db.withHandle(h -> db.isInTransaction());
            boolean inTransaction = db.inTransaction(h -> db.isInTransaction());
            boolean nested = db.withHandle(h -> db.inTransaction(h2 -> db.isInTransaction()));
            boolean inJdbis = db.jdbi().inTransaction(h -> db.isInTransaction());
            boolean onAnotherThread = db.inTransaction(h -> {
                boolean[] elsewhere = new boolean[1];
                Thread other = Thread.ofVirtual().start(() -> elsewhere[0] = db.isInTransaction());
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return elsewhere[0];
            });
            assertThat(inHandle).as("a plain handle commits each statement").isFalse();
            assertThat(inTransaction).isTrue();
            assertThat(nested).isTrue();
            assertThat(inJdbis).isTrue();
            assertThat(onAnotherThread).isFalse();
            assertThat(db.isInTransaction()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void a_checked_exception_from_the_callback_propagates_unchanged(Dialect dialect) {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            assertThatThrownBy(() -> db.<Integer, java.io.IOException>inTransaction(h -> {
                insert(h, "lost");
                throw new java.io.IOException("disk");
            })).isInstanceOf(java.io.IOException.class);

            assertThat(texts(db)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void concurrent_read_then_write_transactions_queue_instead_of_failing(Dialect dialect) throws Exception {
        try (Scratch scratch = Scratch.of(dialect, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            db.useHandle(h -> insert(h, "0"));
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < 40; i++) {
                    done.add(threads.submit(() -> db.useTransaction(h -> {
                        String sql = "SELECT text FROM note" + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "");
                        int n = Integer.parseInt(h.createQuery(sql).mapTo(String.class).one());
                        h.createUpdate("UPDATE note SET text = :n").bind("n", String.valueOf(n + 1)).execute();
                    })));
                }
                for (var f : done) {
                    f.get();
                }
            }

            assertThat(texts(db)).containsExactly("40");
        }
    }

    private static int insert(org.jdbi.v3.core.Handle h, String text) {
        return h.createUpdate("INSERT INTO note (text, created_at) VALUES (:text, 0)").bind("text", text).execute();
    }

    private static List<String> texts(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT text FROM note").mapTo(String.class).list());
    }
}
