package barista.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.data.Database;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The change log other nodes read: a change and its row commit or roll back together, and a
 * reader gets each other node's row once, even when two transactions commit out of order.
 */
class ChangeLogTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_change_that_fails_leaves_neither_its_rows_nor_its_log_row(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            try {
                Auth auth = Auth.of(app);
                Database data = Database.of(app);
                int before = logRows(data);

                assertThatThrownBy(() -> auth.directory().write(() -> {
                    // the way Users and Roles write: a Database call of their own, which joins the change's transaction
                    data.useTransaction(h -> h.execute("INSERT INTO auth_roles (name, created_at) VALUES ('half', 0)"));
                    throw new IllegalStateException("failed after its insert");
                })).hasMessage("failed after its insert");

                int half = data.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM auth_roles WHERE name = 'half'")
                        .mapTo(Integer.class).one());
                assertThat(half).isZero();
                assertThat(logRows(data)).isEqualTo(before);

                auth.roles().create("whole", Set.of("models:manage"));
                assertThat(logRows(data)).isEqualTo(before + 1);
            } finally {
                app.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_reader_gets_other_nodes_rows_once_and_waits_for_numbers_committed_late(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            try {
                Auth.of(app); // migrates
                Database data = Database.of(app);
                ChangeLog reader = new ChangeLog("b");
                long now = System.currentTimeMillis();
                long last = data.withHandle(h -> {
                    new ChangeLog("a").record(h, Set.of("s0"), now);
                    reader.read(h, now);
                    return h.createQuery("SELECT MAX(seq) FROM auth_change_log").mapTo(Long.class).one();
                });

                // number last + 2 commits before last + 1, as two PostgreSQL transactions can
                insert(data, last + 2, "a", "s2");
                assertThat(read(data, reader, now)).isEqualTo(new ChangeLog.Changes(false, Set.of("s2")));
                assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.NONE);
                insert(data, last + 1, "a", "s1");
                assertThat(read(data, reader, now)).isEqualTo(new ChangeLog.Changes(false, Set.of("s1")));

                insert(data, last + 3, "b", "mine"); // the reader's own change
                assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.NONE);
                insert(data, last + 4, "a", null); // anything but a session
                assertThat(read(data, reader, now).everything()).isTrue();

                // a hole not filled within HOLE_MILLIS is taken for a rolled-back change
                insert(data, last + 6, "a", "s6");
                assertThat(read(data, reader, now)).isEqualTo(new ChangeLog.Changes(false, Set.of("s6")));
                long later = now + ChangeLog.HOLE_MILLIS + 1;
                assertThat(read(data, reader, later)).isEqualTo(ChangeLog.Changes.NONE);
                insert(data, last + 5, "a", "s5");
                assertThat(read(data, reader, later)).isEqualTo(ChangeLog.Changes.NONE);

                // a reader that has not read for half the retention may have missed pruned rows
                assertThat(read(data, reader, later + ChangeLog.RETENTION_MILLIS).everything()).isTrue();
            } finally {
                app.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void the_refresh_reads_the_log_not_every_table(TestDatabase db) throws InterruptedException {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app(cfg -> cfg.property("barista.auth.refresh", "100ms"));
            try {
                Auth auth = Auth.of(app);
                long reads = auth.directory().fullReloads();
                Thread.sleep(1000); // ten refreshes, and the listener's first read
                assertThat(auth.directory().fullReloads()).isEqualTo(reads);
            } finally {
                app.stop();
            }
        }
    }

    private static ChangeLog.Changes read(Database data, ChangeLog reader, long now) {
        return data.withHandle(h -> reader.read(h, now));
    }

    private static void insert(Database data, long seq, String node, String session) {
        data.useHandle(h -> h.createUpdate("INSERT INTO auth_change_log (seq, node, session_hash, changed_at) "
                + "VALUES (:seq, :node, :session, 0)").bind("seq", seq).bind("node", node).bind("session", session).execute());
    }

    private static int logRows(Database data) {
        return data.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM auth_change_log").mapTo(Integer.class).one());
    }
}
