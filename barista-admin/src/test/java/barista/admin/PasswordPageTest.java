package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords in the admin: any staff user, whatever their one permission, changes their own at
 * {@code /admin/password} and stays signed in while their other sessions end; a user manager sets another user's password from the
 * users page, within the escalation rule.
 */
class PasswordPageTest {
    static final String NEW_PASSWORD = "new horse battery staple";

    @TempDir
    Path dir;
    TestAdmin admin;

    @BeforeEach
    void start() {
        admin = TestAdmin.start(dir);
        admin.auth().roles().create("analyst", Set.of("predictions:read"));
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    private static Map<String, String> change(String current, String next, String again) {
        return Map.of("current_password", current, "new_password", next, "new_password_again", again);
    }

    @Test
    void an_analyst_changes_their_own_password_and_stays_signed_in() {
        TestAdmin.Browser ana = admin.userWithRoles("ana", "analyst");
        TestAdmin.Browser anaElsewhere = admin.signIn("ana", TestAdmin.PASSWORD);
        TestResponse form = ana.get("/admin/password");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("Current password").contains("autocomplete=\"new-password\"");
        assertThat(ana.get("/admin").text()).contains("href=\"/admin/password\"");

        TestResponse changed = ana.post("/admin/password", withToken(form, change(TestAdmin.PASSWORD, NEW_PASSWORD,
                NEW_PASSWORD)));

        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.header("Location")).isEqualTo("/admin/password");
        TestResponse after = ana.get("/admin/password");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text()).contains("Your password was changed");
        assertThat(ana.get("/admin/password").text()).as("shown once").doesNotContain("Your password was changed");
        assertThat(anaElsewhere.get("/admin").status()).isEqualTo(303); // back to the sign-in page
        admin.signIn("ana", NEW_PASSWORD);
    }

    @Test
    void a_wrong_current_password_or_two_different_new_ones_change_nothing() {
        TestAdmin.Browser ana = admin.userWithRoles("ana", "analyst");
        TestResponse wrong = ana.post("/admin/password", withToken(ana.get("/admin/password"),
                change("not my password", NEW_PASSWORD, NEW_PASSWORD)));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text()).contains("Your current password was entered incorrectly.");

        TestResponse differ = ana.post("/admin/password", withToken(ana.get("/admin/password"),
                change(TestAdmin.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!")));
        assertThat(differ.status()).isEqualTo(422);
        assertThat(differ.text()).contains("The two new passwords differ.");

        TestResponse tooShort = ana.post("/admin/password", withToken(ana.get("/admin/password"),
                change(TestAdmin.PASSWORD, "short", "short")));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.text()).contains("The new password must be at least");

        TestResponse noToken = ana.post("/admin/password", change(TestAdmin.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(noToken.status()).isEqualTo(403);
        admin.signIn("ana", TestAdmin.PASSWORD); // still the old password
    }

    @Test
    void a_user_manager_sets_another_users_password_but_not_an_admins_nor_their_own() {
        admin.auth().roles().create("accounts", Set.of("users:manage"));
        admin.auth().users().create("root", TestAdmin.PASSWORD, Set.of("admin"));
        TestAdmin.Browser ana = admin.userWithRoles("ana", "accounts"); // within mona's reach: no permission she lacks
        TestAdmin.Browser mona = admin.userWithRoles("mona", "accounts");
        assertThat(mona.get("/admin/users").text()).contains("action=\"/admin/users/password\"");

        TestResponse set = mona.postWithToken("/admin/users/password", Map.of("username", "ana", "password", NEW_PASSWORD));
        assertThat(set.status()).isEqualTo(303);
        assertThat(mona.get(set.header("Location")).text()).contains("Set a new password for ana.");
        assertThat(ana.get("/admin").status()).isEqualTo(303); // her session ended
        admin.signIn("ana", NEW_PASSWORD);

        TestResponse own = mona.postWithToken("/admin/users/password", Map.of("username", "mona", "password", NEW_PASSWORD));
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.text()).contains("Change your own password on the Password page");
        assertThat(mona.get("/admin/users").text()).contains("href=\"/admin/password\"");

        TestResponse overAdmin = mona.postWithToken("/admin/users/password",
                Map.of("username", "root", "password", NEW_PASSWORD));
        assertThat(overAdmin.status()).isEqualTo(403);
        admin.signIn("root", TestAdmin.PASSWORD);
    }

    private static Map<String, String> withToken(TestResponse page, Map<String, String> form) {
        var all = new java.util.LinkedHashMap<>(form);
        all.put("_csrf", TestAdmin.csrf(page.text()));
        return all;
    }
}
