package barista.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's write-ahead log is copied back by a thread of its own, so commits never stop to do it,
 * and it stays small: without that thread the log below grows to about 30 MB before any commit
 * copies it (they do past {@link WalCheckpoints#BACKSTOP_PAGES} pages, about 40 MB).
 */
class WalCheckpointsTest {
    @TempDir
    Path tmp;

    @Test
    void the_log_is_copied_back_while_commits_go_on_and_stays_small() throws Exception {
        long threadsBefore = checkpointThreads();
        try (Scratch scratch = Scratch.of(Dialect.SQLITE, tmp, "classpath:test-migrations/app");
             Database db = Database.open(scratch.settings())) {
            assertThat(checkpointThreads()).isEqualTo(threadsBefore + 1);
            int backstop = db.withHandle(h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one());
            assertThat(backstop).as("pages past which a commit copies the log itself").isEqualTo(WalCheckpoints.BACKSTOP_PAGES);
            try (var dedicated = db.openDedicated(0); var s = dedicated.createStatement();
                 var rs = s.executeQuery("PRAGMA synchronous")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the checkpoints' connection flushes as the pool's do (NORMAL)").isEqualTo(1);
            }
            String text = "x".repeat(900);
            int megabytes = 30;
            for (int i = 0; i < megabytes; i++) { // a megabyte every 50 ms, in transactions of 100 rows
                for (int t = 0; t < 11; t++) {
                    db.useTransaction(h -> {
                        var insert = h.prepareBatch("INSERT INTO note (text, created_at) VALUES (:text, 0)");
                        for (int r = 0; r < 100; r++) {
                            insert.bind("text", text).add();
                        }
                        insert.execute();
                    });
                }
                Thread.sleep(50);
            }
            int rows = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM note").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(megabytes * 11 * 100);
            long walBytes = sizeOf(tmp.resolve("test.db-wal"));
            assertThat(walBytes).as("the log's size, after %d MB of rows", megabytes).isLessThan(10L << 20);
        }
        assertThat(checkpointThreads()).as("closing stops the thread").isEqualTo(threadsBefore);
    }

    private static long checkpointThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("barista-sqlite-checkpoints") && t.isAlive()).count();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
