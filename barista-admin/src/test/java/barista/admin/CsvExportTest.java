package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.inference.Prediction;
import barista.inference.log.PredictionLog;
import barista.inference.tensor.Tensor;
import barista.test.TestPrincipal;
import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/predictions.csv}: a download with a header row, RFC 4180 quoting, spreadsheet
 * formulas neutralised, and the page's filters applied. The text cells that can hold anything
 * are the request id and the principal, so the hostile values ride there.
 */
class CsvExportTest {
    @TempDir
    static Path dir;
    static TestAdmin admin;
    static TestAdmin.Browser browser;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(dir);
        browser = admin.userWithRoles("root", "admin");
        PredictionLog log = PredictionLog.of(admin.app);
        log(log, "req-plain", "alice", "iris");
        log(log, "req,with \"quotes\"\nand a newline", "bob", "iris");
        log(log, "req-formula", "=HYPERLINK(\"http://evil\")", "iris");
        log(log, "req-plus", "+1+2", "digits");
        log(log, "req-at", "@SUM(A1)", "digits");
        log(log, "req-minus", "-3", "digits");
    }

    private static void log(PredictionLog log, String requestId, String principal, String model) {
        log.record(requestId, principal, 1500, Map.of("input", Tensor.ofFloats(new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}})),
                new Prediction(model, "1", Map.of("output", Tensor.ofFloats(new float[][] {{0.9f, 0.05f, 0.05f}})),
                        List.of())).join();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void a_script_downloads_the_export_with_an_api_key_that_may_read_predictions() {
        admin.auth().users().create("reader", TestAdmin.PASSWORD, Set.of()); // no roles: may not read the log
        String rootKey = admin.auth().apiKeys().create("root", "export script", null).key();
        String readerKey = admin.auth().apiKeys().create("reader", "no log", null).key();

        TestResponse r = admin.client.request("GET", "/admin/predictions.csv?model=digits").header("X-API-Key", rootKey).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text().split("\r\n")).hasSize(1 + 3);

        TestResponse refused = admin.client.request("GET", "/admin/predictions.csv").header("X-API-Key", readerKey).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).isEqualTo("not allowed: requires permission predictions:read");
        TestResponse wrong = admin.client.request("GET", "/admin/predictions.csv").header("X-API-Key", "bk_nope").send();
        assertThat(wrong.status()).isEqualTo(401);
        // a proxy's Basic credentials are not a script's: a signed-out browser still goes to sign in
        TestResponse proxied = admin.client.request("GET", "/admin/predictions.csv").header("Authorization", "Basic eDp5")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").send();
        assertThat(proxied.status()).isEqualTo(303);
        assertThat(proxied.header("Location")).startsWith("/admin/login");
        // a script that forgot its key gets a 401, not the sign-in redirect's empty body saved as the file
        TestResponse forgot = admin.client.request("GET", "/admin/predictions.csv").header("Accept", "*/*").send();
        assertThat(forgot.status()).isEqualTo(401);
        assertThat(forgot.header("Content-Type")).startsWith("application/problem+json");
        // the pages themselves stay for browser sessions
        assertThat(admin.client.request("GET", "/admin/predictions").header("X-API-Key", rootKey).send().status())
                .isEqualTo(403);
    }

    @Test
    void the_export_is_an_attachment_with_a_header_row() {
        TestResponse r = browser.get("/admin/predictions.csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"predictions-").endsWith(".csv\"");
        assertThat(r.text().split("\r\n")[0]).startsWith("id,request_id,time,model,version,principal,latency_ms,input,output");
    }

    @Test
    void commas_quotes_and_newlines_are_quoted() {
        assertThat(browser.get("/admin/predictions.csv").text())
                .contains("\"req,with \"\"quotes\"\"\nand a newline\"");
    }

    @Test
    void cells_that_start_like_formulas_are_prefixed_with_a_quote() {
        String csv = browser.get("/admin/predictions.csv").text();
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",")
                .contains(",'+1+2,").contains(",'@SUM(A1),").contains(",'-3,")
                .doesNotContain(",=HYPERLINK").doesNotContain(",+1+2,");
    }

    @Test
    void the_export_holds_every_match_newest_first_however_many() {
        try (TestAdmin fresh = TestAdmin.start(dir.resolve("fresh"))) {
            TestAdmin.Browser root = fresh.userWithRoles("root", "admin");
            PredictionLog log = PredictionLog.of(fresh.app);
            for (String id : List.of("req-1", "req-2", "req-3")) {
                log(log, id, "alice", "iris");
            }
            String[] lines = root.get("/admin/predictions.csv").text().split("\r\n");
            assertThat(lines).hasSize(4);
            assertThat(lines[1]).contains(",req-3,");
            assertThat(lines[3]).contains(",req-1,");
            assertThat(root.get("/admin/predictions").text()).contains("title=\"Every match, newest first\"");
        }
    }

    @Test
    void the_export_applies_the_page_filters() {
        String[] lines = browser.get("/admin/predictions.csv?model=digits").text().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains(",digits,");
    }

    @Test
    void who_gave_a_label_is_in_the_export_and_on_the_page() {
        PredictionLog.of(admin.app).feedback("req-minus", "\"setosa\"",
                new TestPrincipal("editor", Set.of(), Set.of("predictions:write")));
        String[] csv = browser.get("/admin/predictions.csv?feedback=yes").text().split("\r\n");
        assertThat(csv).hasSize(2);
        assertThat(csv[1]).contains(",req-minus,").endsWith(",editor");
        assertThat(browser.get("/admin/predictions?feedback=yes").text()).contains("title=\"given by editor\"");
    }

    @Test
    void a_filter_that_cannot_be_read_is_refused_rather_than_ignored() {
        TestResponse csv = browser.get("/admin/predictions.csv?feedback=true");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().get("detail").asText()).isEqualTo("Feedback must be yes, no or left empty.");
        TestResponse page = browser.get("/admin/predictions?feedback=maybe");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.text()).contains("Feedback must be yes, no or left empty.");
        assertThat(browser.get("/admin/predictions.csv?from=yesterday").status()).isEqualTo(400);
        TestResponse zone = browser.get("/admin/predictions.csv?from=2025-01-31T13:45&tz=Europe/Pariss");
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("detail").asText()).startsWith("Unknown time zone: Europe/Pariss");
        assertThat(browser.get("/admin/predictions.csv?from=2025-01-31T13:45&tz=Europe/Paris").status()).isEqualTo(200);
    }

    @Test
    void the_page_links_the_export_with_the_same_filters_and_shows_rows() {
        String html = browser.get("/admin/predictions?model=digits&principal=%2B1%2B2").text();
        assertThat(html).contains("href=\"/admin/predictions.csv?model=digits&amp;principal=%2B1%2B2\"");
        assertThat(html).contains("req-plus").doesNotContain("req-at");
    }

    @Test
    void older_pages_follow_the_keyset_cursor() {
        String html = browser.get("/admin/predictions?before=3").text();
        assertThat(html).contains("req-plain").contains("req,with").doesNotContain("req-formula");
        assertThat(html).contains("href=\"/admin/predictions\"").doesNotContain("id=\"older\"");
    }
}
