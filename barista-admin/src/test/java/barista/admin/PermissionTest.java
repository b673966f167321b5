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

/** Each page asks for its permission; a signed-in user without it gets a 403 page. */
class PermissionTest {
    @TempDir
    static Path dir;
    static TestAdmin admin;
    static TestAdmin.Browser nobody;
    static TestAdmin.Browser analyst;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(dir);
        admin.auth().roles().create("analyst", Set.of("predictions:read"));
        nobody = admin.userWithRoles("plain");
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
    void a_user_without_predictions_read_gets_403_on_the_log_and_its_export() {
        assertThat(nobody.get("/admin/predictions").status()).isEqualTo(403);
        assertThat(nobody.get("/admin/predictions.csv").status()).isEqualTo(403);
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
    void any_signed_in_user_sees_the_dashboard_and_only_the_links_they_may_use() {
        TestResponse r = analyst.get("/admin");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("href=\"/admin/predictions\"").doesNotContain("href=\"/admin/users\"");
        assertThat(analyst.get("/admin/predictions").status()).isEqualTo(200);
    }
}
