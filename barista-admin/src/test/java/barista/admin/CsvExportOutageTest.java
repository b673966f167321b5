package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.test.TcpProxy;
import barista.test.TestPostgres;
import barista.test.TestResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log's export when PostgreSQL (behind a proxy the test takes away) is gone as it starts:
 * the usual 503 problem, not a download that begins and breaks; and exports work again once the
 * database is back.
 */
class CsvExportOutageTest {
    @TempDir
    Path dir;

    @Test
    void an_export_while_the_database_is_away_is_a_503_not_a_broken_download() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPostgres.HOST, TestPostgres.PORT).start();
             TestPostgres pg = TestPostgres.schema(proxy.port());
             TestAdmin admin = TestAdmin.start(dir, cfg -> cfg.property("barista.data.url", pg.url())
                     .property("barista.data.user", TestPostgres.USER))) {
            TestAdmin.Browser root = admin.userWithRoles("root", "admin");
            assertThat(root.get("/admin/predictions.csv").status()).isEqualTo(200);

            proxy.stop();
            TestResponse down = root.get("/admin/predictions.csv");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.header("Content-Type")).startsWith("application/problem+json");
            assertThat(down.header("Content-Disposition")).isNull();
            assertThat(down.text()).doesNotContain(String.valueOf(proxy.port())).doesNotContain("postgres");

            proxy.start();
            long until = System.nanoTime() + 15_000_000_000L;
            TestResponse back;
            do {
                back = root.get("/admin/predictions.csv");
            } while (back.status() != 200 && System.nanoTime() < until);
            assertThat(back.status()).isEqualTo(200);
            assertThat(back.text()).startsWith("id,request_id,time");
        }
    }
}
