package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed-in browser's form posts need the session's CSRF token, and every form carries it. */
class CsrfTest {
    @TempDir
    static Path dir;
    static TestAdmin admin;
    static TestAdmin.Browser browser;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(dir);
        browser = admin.userWithRoles("root", "admin");
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void post_without_csrf_is_403_and_changes_nothing() {
        TestResponse r = browser.post("/admin/users", Map.of("username", "mallory", "password", "12345678910"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(admin.auth().users().find("mallory")).isEmpty();
    }

    @Test
    void post_with_a_wrong_token_is_403() {
        TestResponse r = browser.post("/admin/roles", Map.of("name", "sneaky", "permissions", "*", "_csrf", "guess"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(admin.auth().roles().find("sneaky")).isEmpty();
    }

    @Test
    void post_with_the_token_works_and_redirects() {
        TestResponse r = browser.postWithToken("/admin/roles", Map.of("name", "analyst", "permissions", "predictions:read"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/admin/roles");
        assertThat(browser.get("/admin/roles").text()).contains("Role analyst created.");
        assertThat(admin.auth().roles().find("analyst")).isPresent();
    }

    @Test
    void every_post_form_on_every_page_has_the_token() {
        Pattern form = Pattern.compile("<form method=\"post\"[^>]*><input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">");
        for (String page : new String[] {"/admin", "/admin/users", "/admin/roles", "/admin/keys", "/admin/models"}) {
            String html = browser.get(page).text();
            int forms = count(Pattern.compile("<form method=\"post\"").matcher(html));
            assertThat(forms).as(page).isPositive();
            assertThat(count(form.matcher(html))).as(page).isEqualTo(forms);
        }
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
