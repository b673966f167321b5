package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.auth.User;
import barista.demo.models.DemoModels;
import barista.inference.ModelVersion;
import barista.inference.Models;
import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an admin does through the forms, as a browser posts them: each action changes what it says,
 * answers with a redirect to a page that says it was done, and the change is what the app then
 * does (a new user signs in, a deactivated one can't, a revoked key stops working, a loaded
 * version serves).
 */
class AdminActionsTest {
    @TempDir
    Path dir;
    TestAdmin admin;
    TestAdmin.Browser root;

    @BeforeEach
    void start() {
        admin = TestAdmin.withIris(dir, cfg -> cfg.property("barista.models.watch", "off"));
        root = admin.userWithRoles("root", "admin");
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    /** Follows a form's redirect, as a browser does, and returns the page it lands on. */
    private TestResponse submit(String path, Map<String, String> form) {
        TestResponse r = root.postWithToken(path, form);
        assertThat(r.status()).as(r.text()).isEqualTo(303);
        return root.get(r.header("Location"));
    }

    @Test
    void a_user_made_on_the_users_page_can_sign_in_until_deactivated_and_again_once_reactivated() {
        String page = submit("/admin/users", Map.of("username", "carol", "password", TestAdmin.PASSWORD,
                "roles", "admin")).text();

        assertThat(page).contains("Created user carol.");
        assertThat(root.get("/admin/users").text()).as("said once").doesNotContain("Created user carol.");
        assertThat(admin.auth().users().find("carol")).map(User::roles).hasValue(java.util.Set.of("admin"));
        admin.signIn("carol", TestAdmin.PASSWORD);

        assertThat(submit("/admin/users/active", Map.of("username", "carol", "active", "false")).text())
                .contains("Deactivated carol.");
        assertThat(admin.auth().users().find("carol")).map(User::active).hasValue(false);
        TestResponse refused = admin.client.post("/auth/login", Map.of("username", "carol", "password", TestAdmin.PASSWORD));
        assertThat(refused.status()).isEqualTo(401);

        assertThat(submit("/admin/users/active", Map.of("username", "carol", "active", "true")).text())
                .contains("Reactivated carol.");
        admin.signIn("carol", TestAdmin.PASSWORD);
    }

    @Test
    void a_key_revoked_on_the_keys_page_stops_working_at_once() {
        var key = admin.auth().apiKeys().create("root", "laptop", null);
        assertThat(admin.client.request("GET", "/auth/me").header("X-API-Key", key.key()).send().status()).isEqualTo(200);

        String page = submit("/admin/keys/revoke", Map.of("keyId", key.info().keyId())).text();

        assertThat(page).contains("Revoked key " + key.info().keyId() + ".");
        assertThat(admin.client.request("GET", "/auth/me").header("X-API-Key", key.key()).send().status()).isEqualTo(401);
    }

    @Test
    void a_version_put_in_the_model_directory_is_loaded_pinned_followed_and_unloaded_from_the_models_page() {
        Models models = Models.of(admin.app);
        DemoModels.writeIris(dir.resolve("models"), "2"); // the directory is not watched: only the page loads it

        assertThat(submit("/admin/models/load", Map.of("model", "iris", "version", "2")).text()).contains("Loaded iris v2.");
        assertThat(models.versions("iris")).extracting(ModelVersion::version).containsExactly("1", "2");
        assertThat(models.serving("iris").version()).isEqualTo("2");

        assertThat(submit("/admin/models/serve", Map.of("model", "iris", "version", "1")).text()).contains("Now serving iris v1.");
        assertThat(models.serving("iris").version()).isEqualTo("1");
        assertThat(models.pinned("iris")).isEqualTo("1");

        assertThat(submit("/admin/models/follow", Map.of("model", "iris")).text()).contains("Now following the latest version: iris.");
        assertThat(models.pinned("iris")).isNull();
        assertThat(models.serving("iris").version()).isEqualTo("2");

        assertThat(submit("/admin/models/unload", Map.of("model", "iris", "version", "1")).text()).contains("Unloaded iris v1.");
        assertThat(models.versions("iris")).extracting(ModelVersion::version).containsExactly("2");
        TestResponse prediction = admin.client.post("/models/iris/predict", Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2))));
        assertThat(prediction.status()).isEqualTo(200);
        assertThat(prediction.json().get("version").asText()).isEqualTo("2");
    }

    @Test
    void a_version_with_no_file_is_reported_and_nothing_changes() {
        Models models = Models.of(admin.app);

        assertThat(submit("/admin/models/load", Map.of("model", "iris", "version", "7")).text())
                .contains("No model file in the model directory for iris v7.");
        assertThat(models.versions("iris")).extracting(ModelVersion::version).containsExactly("1");
    }

    @Test
    void the_message_rides_in_a_short_lived_http_only_cookie_that_another_session_cannot_read_or_forge() {
        TestResponse r = root.postWithToken("/admin/users", Map.of("username", "dave", "password", TestAdmin.PASSWORD));
        String setCookie = r.headers().get("set-cookie").stream().filter(c -> c.startsWith(Flash.COOKIE + "="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("Path=/admin").contains("Max-Age=60").contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain("dave"); // the text is encoded, and signed
        String value = setCookie.substring(Flash.COOKIE.length() + 1, setCookie.indexOf(';'));

        // the same cookie in another admin's browser: not their session's, so not shown, and cleared
        TestAdmin.Browser other = admin.userWithRoles("erin", "admin");
        other.cookies.put(Flash.COOKIE, value);
        assertThat(other.get("/admin/users").text()).doesNotContain("Created user dave.");
        assertThat(other.cookies).doesNotContainKey(Flash.COOKIE);
        // a forged one, with a message of its own and no valid signature
        root.cookies.put(Flash.COOKIE, "s" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("Deleted every user.".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".AAAA");
        assertThat(root.get("/admin/users").text()).doesNotContain("Deleted every user.");
        // its own session's browser sees it once
        root.cookies.put(Flash.COOKIE, value);
        assertThat(root.get("/admin/users").text()).contains("Created user dave.");
    }

    @Test
    void a_link_cannot_make_a_page_announce_what_never_happened() {
        assertThat(root.get("/admin/users?done=created&user=mallory").text()).doesNotContain("mallory");
        assertThat(root.get("/admin/models?done=load&model=evil&version=6").text()).doesNotContain("evil");
        assertThat(root.get("/admin/keys?revoked=k1").text()).doesNotContain("k1");
        assertThat(root.get("/admin/roles?done=deleted&role=admin").text()).doesNotContain("Role admin deleted");
    }
}
