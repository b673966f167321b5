package barista.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.data.Database;
import java.nio.file.Path;
import java.util.Map;
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
                auth.roles().create("first", Set.of());
                int before = logRows(data);
                long newest = newest(data);

                assertThatThrownBy(() -> auth.directory().writeRole("half", () -> {
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
                // the refusal took no number, so it left no hole for the other nodes to wait on
                assertThat(newest(data)).isEqualTo(newest + 1);
            } finally {
                app.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_change_inside_a_transaction_of_the_apps_is_refused_and_changes_nothing(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            try {
                Auth auth = Auth.of(app);
                Database data = Database.of(app);
                int before = logRows(data);

                assertThatThrownBy(() -> data.useTransaction(h -> auth.users().create("ada", Fixtures.PASSWORD, Set.of())))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("after it commits");
                assertThat(auth.users().find("ada")).isEmpty();
                assertThat(logRows(data)).isEqualTo(before);

                // a plain handle commits each statement: the change commits on its own
                data.useHandle(h -> auth.users().create("ada", Fixtures.PASSWORD, Set.of()));
                assertThat(auth.users().find("ada")).isPresent();
                assertThat(logRows(data)).isEqualTo(before + 1);
            } finally {
                app.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_reader_gets_other_nodes_rows_once_and_waits_for_numbers_committed_late(TestDatabase db) {
        withLog(db, data -> {
            long last = recordOne(data);
            ChangeLog reader = new ChangeLog("b");
            long now = System.currentTimeMillis();

            // at the reader's first read, last + 3 is still committing
            insert(data, last + 1, "a", "s1");
            insert(data, last + 2, "a", "s2");
            insert(data, last + 4, "a", "s4");
            assertThat(read(data, reader, now)).as("the first read: its caller reads every table")
                    .isEqualTo(ChangeLog.Changes.EVERYTHING);
            insert(data, last + 3, "a", "s3");
            assertThat(read(data, reader, now)).isEqualTo(sessions("s3"));
            assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.NONE);

            // later numbers, committed out of order, as two PostgreSQL transactions can
            insert(data, last + 6, "a", "s6");
            assertThat(read(data, reader, now)).isEqualTo(sessions("s6"));
            insert(data, last + 5, "a", "s5");
            assertThat(read(data, reader, now)).isEqualTo(sessions("s5"));

            insert(data, last + 7, "b", "mine"); // the reader's own change
            assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.NONE);
            insert(data, last + 8, "a", null); // "all", as earlier versions wrote for users and roles
            assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.EVERYTHING);

            // a hole not filled within HOLE_MILLIS is taken for a change that rolled back
            insert(data, last + 10, "a", "s10");
            assertThat(read(data, reader, now)).isEqualTo(sessions("s10"));
            long later = now + ChangeLog.HOLE_MILLIS + 1;
            assertThat(read(data, reader, later)).isEqualTo(ChangeLog.Changes.NONE);
            insert(data, last + 9, "a", "s9");
            assertThat(read(data, reader, later)).isEqualTo(ChangeLog.Changes.NONE);

            // a wide gap (one transaction's thousands of last-seen rows, committing late) is waited for whole
            insert(data, last + 5000, "a", "s5000");
            assertThat(read(data, reader, later)).isEqualTo(sessions("s5000"));
            insert(data, last + 2500, "a", "s2500");
            insert(data, last + 11, "a", "s11");
            assertThat(read(data, reader, later)).isEqualTo(sessions("s11", "s2500"));
            assertThat(read(data, reader, later)).isEqualTo(ChangeLog.Changes.NONE);

            // keys, users and roles are named like sessions; a kind this version doesn't know is read as everything
            insert(data, last + 5001, "a", ChangeLog.KEY, "k1");
            insert(data, last + 5002, "a", ChangeLog.SESSION, "s5002");
            insert(data, last + 5003, "a", ChangeLog.USER, "ada");
            insert(data, last + 5004, "a", ChangeLog.ROLE, "admin");
            assertThat(read(data, reader, later)).isEqualTo(
                    new ChangeLog.Changes(false, Set.of("ada"), Set.of("admin"), Set.of("s5002"), Set.of("k1"), Map.of()));
            insert(data, last + 5005, "a", "group", "staff");
            assertThat(read(data, reader, later)).isEqualTo(ChangeLog.Changes.EVERYTHING);

            // the rows after the reader's were pruned: it can't know what they said
            data.useHandle(h -> h.execute("DELETE FROM auth_change_log"));
            insert(data, last + 6000, "a", "s6000");
            assertThat(read(data, reader, later)).isEqualTo(ChangeLog.Changes.EVERYTHING);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void holes_given_up_are_read_as_everything_now_and_once_more_when_they_would_have_filled(TestDatabase db) {
        withLog(db, data -> {
            long last = recordOne(data);
            ChangeLog reader = new ChangeLog("b");
            long now = System.currentTimeMillis();
            assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.EVERYTHING); // the first read

            for (int i = 1; i <= 201; i++) { // every other number: 201 holes, one more than are kept
                insert(data, last + 2L * i, "a", "s" + i);
            }
            assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.EVERYTHING);
            assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.NONE);
            long filled = now + ChangeLog.HOLE_MILLIS + 1;
            assertThat(read(data, reader, filled)).as("once the given-up hole would have filled")
                    .isEqualTo(ChangeLog.Changes.EVERYTHING);
            assertThat(read(data, reader, filled)).isEqualTo(ChangeLog.Changes.NONE);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pruning_keeps_the_newest_rows(TestDatabase db) {
        withLog(db, data -> {
            long last = recordOne(data);
            insert(data, last + ChangeLog.KEEP - 1, "a", "within");
            data.useHandle(ChangeLog::prune);
            assertThat(logRows(data)).as("the span is still under KEEP").isEqualTo(2);

            insert(data, last + ChangeLog.KEEP + 1, "a", "past");
            data.useHandle(ChangeLog::prune);
            assertThat(logRows(data)).isEqualTo(2);
            long oldest = data.withHandle(h -> h.createQuery("SELECT MIN(seq) FROM auth_change_log").mapTo(Long.class).one());
            assertThat(oldest).isEqualTo(last + ChangeLog.KEEP - 1);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void an_empty_log_is_read_as_nothing_new_until_its_first_row(TestDatabase db) {
        withLog(db, data -> {
            data.useHandle(h -> h.execute("DELETE FROM auth_change_log"));
            ChangeLog reader = new ChangeLog("b");
            long now = System.currentTimeMillis();
            assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.EVERYTHING);
            assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.NONE);
            data.useHandle(h -> new ChangeLog("a").record(h, ChangeLog.SESSION, Set.of("s1")));
            assertThat(read(data, reader, now)).isEqualTo(sessions("s1"));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_session_seen_elsewhere_comes_with_its_time_unless_its_row_must_be_read_anyway(TestDatabase db) {
        withLog(db, data -> {
            ChangeLog reader = new ChangeLog("b");
            long now = System.currentTimeMillis();
            assertThat(read(data, reader, now)).isEqualTo(ChangeLog.Changes.EVERYTHING); // the first read
            ChangeLog a = new ChangeLog("a");
            data.useHandle(h -> a.recordSeen(h, Map.of("s1", 1_000L, "s2", 2_000L)));
            data.useHandle(h -> a.recordSeen(h, Map.of("s1", 3_000L)));
            data.useHandle(h -> a.record(h, ChangeLog.SESSION, Set.of("s2"))); // s2 signed out: its row says
            assertThat(read(data, reader, now)).isEqualTo(
                    new ChangeLog.Changes(false, Set.of(), Set.of(), Set.of("s2"), Set.of(), Map.of("s1", 3_000L)));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void the_refresh_reads_the_log_not_every_table(TestDatabase db) throws InterruptedException {
        try (var scratch = db.scratch(dir)) {
            Barista nodeA = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            Barista other = scratch.app(cfg -> cfg.property("barista.auth.refresh", "100ms"));
            try (var clientA = barista.test.TestClient.inProcess(nodeA);
                 Database otherDb = Database.open(barista.data.DataSettings.fromConfig(other.config()));
                 // no feed: only its refresh, every 100 ms, brings what A changes
                 Auth b = Auth.open(otherDb, other.config())) {
                Auth a = Auth.of(nodeA);
                a.users().create("ada", Fixtures.PASSWORD, Set.of());
                long deadline = System.currentTimeMillis() + 2000;
                while (b.users().find("ada").isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(b.users().find("ada")).as("a user made on A, read by B's refresh").isPresent();
                long reads = b.directory().fullReloads();

                String cookie = Fixtures.sessionCookie(Fixtures.login(clientA, "ada", Fixtures.PASSWORD));
                String idHash = Secrets.sha256Hex(cookie);
                deadline = System.currentTimeMillis() + 2000;
                while (b.directory().session(idHash) == null && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(b.directory().session(idHash)).as("a session started on A, read by B's refresh").isNotNull();
                Thread.sleep(500); // more refreshes
                assertThat(b.directory().fullReloads()).as("full reads on B").isEqualTo(reads);
            } finally {
                nodeA.stop();
            }
        }
    }

    /** Runs {@code test} against a fresh database with auth's tables, on {@code db}'s kind. */
    private void withLog(TestDatabase db, java.util.function.Consumer<Database> test) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            try {
                Auth.of(app); // migrates
                test.accept(Database.of(app));
            } finally {
                app.stop();
            }
        }
    }

    private static ChangeLog.Changes read(Database data, ChangeLog reader, long now) {
        return data.withHandle(h -> reader.read(h, now));
    }

    private static ChangeLog.Changes sessions(String... ids) {
        return new ChangeLog.Changes(false, Set.of(), Set.of(), Set.of(ids), Set.of(), Map.of());
    }

    /** A session's row (an {@link ChangeLog#ALL} row, as earlier versions wrote, for a null session) with its number given, as if its transaction had committed now. */
    private static void insert(Database data, long seq, String node, String session) {
        insert(data, seq, node, session == null ? ChangeLog.ALL : ChangeLog.SESSION, session);
    }

    private static void insert(Database data, long seq, String node, String kind, String subject) {
        data.useHandle(h -> h.createUpdate("INSERT INTO auth_change_log (seq, node, kind, subject) "
                        + "VALUES (:seq, :node, :kind, :subject)")
                .bind("seq", seq).bind("node", node).bind("kind", kind).bind("subject", subject).execute());
    }

    /** One row from node "a"; its number. */
    private static long recordOne(Database data) {
        data.useHandle(h -> new ChangeLog("a").record(h, ChangeLog.SESSION, Set.of("s0")));
        return newest(data);
    }

    private static long newest(Database data) {
        return data.withHandle(h -> h.createQuery("SELECT MAX(seq) FROM auth_change_log").mapTo(Long.class).one());
    }

    private static int logRows(Database data) {
        return data.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM auth_change_log").mapTo(Integer.class).one());
    }
}
