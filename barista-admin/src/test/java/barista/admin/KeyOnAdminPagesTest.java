package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An API key or bearer token on an admin page is a clean 403 problem, not a 500 from a form without a CSRF token. */
class KeyOnAdminPagesTest {
    @TempDir
    Path dir;

    @Test
    void an_admin_page_or_form_reached_with_an_api_key_is_403_problem_json() {
        try (TestAdmin admin = TestAdmin.start(dir)) {
            admin.auth().users().create("root", TestAdmin.PASSWORD, Set.of("admin"));
            String key = admin.auth().apiKeys().create("root", "ops", null).key();
            for (String page : new String[] {"/admin", "/admin/users", "/admin/keys", "/admin/predictions"}) {
                TestResponse r = admin.client.request("GET", page).header("X-API-Key", key).send();
                assertThat(r.status()).as(page).isEqualTo(403);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                assertThat(r.text()).doesNotContain("Exception").doesNotContain("at barista.");
            }
            TestResponse post = admin.client.request("POST", "/admin/users").header("X-API-Key", key)
                    .body("username=eve&password=longenough1".getBytes(StandardCharsets.UTF_8),
                            "application/x-www-form-urlencoded").send();
            assertThat(post.status()).isEqualTo(403);
            assertThat(admin.auth().users().find("eve")).isEmpty();
        }
    }
}
