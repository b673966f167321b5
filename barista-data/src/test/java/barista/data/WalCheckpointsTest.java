package barista.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's write-ahead log is copied into the database file by a thread of its own, so commits
 * don't stop to do it. In WAL mode only a checkpoint writes the database file, and commits run
 * one only past {@link WalCheckpoints#BACKSTOP_PAGES} pages (about 40 MB): so when the file has
 * grown by most of the 30 MB written here, the thread did the copying.
 */
class WalCheckpointsTest {
    @TempDir
    Path tmp;

    @Test
    void the_log_is_copied_into_the_file_while_commits_go_on() throws Exception {
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
            Path file = tmp.resolve("test.db");
            long before = Files.size(file);
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
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (Files.size(file) - before < 25L << 20 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.size(file) - before).as("bytes copied into the database file").isGreaterThan(25L << 20);
            assertThat(Files.size(tmp.resolve("test.db-wal"))).as("the log, at most the backstop")
                    .isLessThanOrEqualTo((WalCheckpoints.BACKSTOP_PAGES + 100L) * 4096);
        }
        assertThat(checkpointThreads()).as("closing stops the thread").isEqualTo(threadsBefore);
    }

    private static long checkpointThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("barista-sqlite-checkpoints") && t.isAlive()).count();
    }
}
