package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin is for staff (a user with one of its permissions), and each page asks for its own
 * permission: a signed-in user without it gets a 403 page.
 */
class PermissionTest {
    @TempDir
    static Path dir;
    static TestAdmin admin;
    static TestAdmin.Browser analyst;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(dir);
        admin.auth().roles().create("analyst", Set.of("predictions:read"));
        admin.auth().users().create("plain", TestAdmin.PASSWORD, Set.of());
        analyst = admin.userWithRoles("ana", "analyst");
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void a_user_without_users_manage_gets_403_on_the_account_pages() {
        for (String page : new String[] {"/admin/users", "/admin/roles", "/admin/keys"}) {
            TestResponse r = analyst.get(page);
            assertThat(r.status()).as(page).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.text()).contains("users:manage");
        }
    }

    @Test
    void a_user_who_is_not_staff_cannot_sign_in_and_gets_the_wrong_password_message() {
        TestAdmin.Browser b = new TestAdmin.Browser(admin.client);
        String token = TestAdmin.csrf(b.get("/admin/login").text());
        TestResponse r = b.post("/admin/login", Map.of("username", "plain", "password", TestAdmin.PASSWORD,
                "_csrf", token));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("Wrong user name or password, or the account may not use the admin.");
        assertThat(b.cookies).doesNotContainKey("barista_session");
    }

    @Test
    void a_session_of_a_user_who_is_not_staff_gets_403_on_every_page_and_may_sign_out() {
        TestAdmin.Browser plain = new TestAdmin.Browser(admin.client);
        TestResponse login = plain.postJson("/auth/login", Map.of("username", "plain", "password", TestAdmin.PASSWORD));
        assertThat(login.status()).isEqualTo(200); // the app's own API still signs them in
        for (String page : new String[] {"/admin", "/admin/models", "/admin/password", "/admin/predictions",
                "/admin/predictions.csv"}) {
            TestResponse r = plain.get(page);
            assertThat(r.status()).as(page).isEqualTo(403);
        }
        assertThat(plain.get("/admin").text()).contains("may not use the admin")
                .contains("users:manage, models:manage, predictions:read").doesNotContain("href=\"/admin/models\"");
        TestResponse stats = plain.get("/admin/stats.json");
        assertThat(stats.status()).isEqualTo(403);
        assertThat(stats.json().get("detail").asText()).contains("one of users:manage");

        String token = login.json().get("csrfToken").asText();
        TestResponse password = plain.post("/admin/password", Map.of("_csrf", token, "current_password",
                TestAdmin.PASSWORD, "new_password", "a new long password", "new_password_again", "a new long password"));
        assertThat(password.status()).isEqualTo(403);
        assertThat(plain.post("/admin/users", Map.of("_csrf", token, "username", "eve", "password", "longenough1"))
                .status()).isEqualTo(403);
        assertThat(admin.auth().users().find("eve")).isEmpty();
        String key = admin.auth().apiKeys().create("plain", "script", null).key();
        assertThat(admin.client.request("GET", "/admin/stats.json").header("X-API-Key", key).send().status())
                .isEqualTo(403);
        assertThat(admin.client.request("GET", "/admin/predictions.csv").header("X-API-Key", key).send().status())
                .isEqualTo(403);

        TestResponse forged = plain.post("/admin/logout", Map.of()); // no CSRF token: refused, still signed in
        assertThat(forged.status()).isEqualTo(403);
        assertThat(plain.get("/admin").status()).isEqualTo(403); // still signed in: a 403 page, not the sign-in redirect
        TestResponse out = plain.post("/admin/logout", Map.of("_csrf", token));
        assertThat(out.status()).isEqualTo(303);
        assertThat(plain.cookies).doesNotContainKey("barista_session");
    }

    @Test
    void a_user_without_users_manage_cannot_create_users_by_posting() {
        TestResponse r = analyst.postWithToken("/admin/users", Map.of("username", "eve", "password", "longenough1"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(admin.auth().users().find("eve")).isEmpty();
    }

    @Test
    void a_user_without_models_manage_cannot_change_models() {
        TestResponse r = analyst.postWithToken("/admin/models/unload", Map.of("model", "iris", "version", "1"));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void a_user_with_one_admin_permission_sees_the_dashboard_and_only_the_links_they_may_use() {
        TestResponse r = analyst.get("/admin");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("href=\"/admin/predictions\"").doesNotContain("href=\"/admin/users\"");
        assertThat(analyst.get("/admin/predictions").status()).isEqualTo(200);
    }
}
