package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nobody signed in: every admin page sends them to the sign-in form, and only back into the admin. */
class AnonymousRedirectTest {
    @TempDir
    static Path dir;
    static TestAdmin admin;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(dir);
        admin.auth().users().create("ada", TestAdmin.PASSWORD, java.util.Set.of("admin"));
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void every_page_redirects_to_login_with_next() {
        for (String page : new String[] {"/admin", "/admin/users", "/admin/roles", "/admin/keys", "/admin/models",
                "/admin/predictions"}) {
            TestResponse r = admin.client.get(page);
            assertThat(r.status()).as(page).isEqualTo(303);
            assertThat(r.header("Location")).isEqualTo("/admin/login?next=" + page.replace("/", "%2F"));
        }
    }

    @Test
    void the_export_redirects_a_browser_and_refuses_a_script_without_a_key() {
        for (String[] browser : new String[][] {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"},
                {"Sec-Fetch-Mode", "navigate"}}) {
            TestResponse r = admin.client.request("GET", "/admin/predictions.csv").header(browser[0], browser[1]).send();
            assertThat(r.status()).as(browser[0]).isEqualTo(303);
            assertThat(r.header("Location")).isEqualTo("/admin/login?next=%2Fadmin%2Fpredictions.csv");
        }
        TestResponse script = admin.client.request("GET", "/admin/predictions.csv").header("Accept", "*/*")
                .cookie("barista_session", "expired-or-made-up").send();
        assertThat(script.status()).isEqualTo(401);
    }

    @Test
    void the_query_is_kept_in_next() {
        TestResponse r = admin.client.get("/admin/predictions?model=iris");
        assertThat(r.header("Location")).isEqualTo("/admin/login?next=%2Fadmin%2Fpredictions%3Fmodel%3Diris");
    }

    @Test
    void a_post_redirects_to_login_too() {
        TestResponse r = new TestAdmin.Browser(admin.client).post("/admin/users", Map.of("username", "x"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).startsWith("/admin/login");
    }

    @Test
    void stats_json_answers_401_rather_than_a_redirect() {
        assertThat(admin.client.get("/admin/stats.json").status()).isEqualTo(401);
    }

    @Test
    void sign_in_follows_next_inside_the_admin_only() {
        for (var c : Map.of("/admin/models", "/admin/models", "//evil.example/admin", "/admin",
                "https://evil.example/", "/admin", "/administrator", "/admin", "/admin/../x", "/admin",
                "/admin/%2e%2e/x", "/admin", "/admin\\..\\x", "/admin").entrySet()) {
            TestAdmin.Browser b = new TestAdmin.Browser(admin.client);
            String token = TestAdmin.csrf(b.get("/admin/login").text());
            TestResponse r = b.post("/admin/login", Map.of("username", "ada", "password", TestAdmin.PASSWORD,
                    "_csrf", token, "next", c.getKey()));
            assertThat(r.header("Location")).as(c.getKey()).isEqualTo(c.getValue());
        }
    }

    @Test
    void static_files_need_no_sign_in() {
        TestResponse js = admin.client.get(Assets.ADMIN_JS);
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).startsWith("application/javascript");
        assertThat(admin.client.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").status()).isEqualTo(404); // not shipped
        assertThat(admin.client.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").status()).isEqualTo(200);
        assertThat(admin.client.get("/webjars/picocss__pico/2.1.1/css/pico.classless.min.css").status()).isEqualTo(200);
    }
}
