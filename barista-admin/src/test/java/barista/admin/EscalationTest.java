package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.auth.User;
import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code users:manage} is not a back door to {@code *}: an account manager can't give themselves
 * or anyone the admin role, widen a role beyond what they hold, or act as the admin through a key
 * made for them; but they still manage the accounts within their reach.
 */
class EscalationTest {
    @TempDir
    static Path dir;
    static TestAdmin admin;
    static TestAdmin.Browser manager;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(dir);
        admin.auth().roles().create("accounts", Set.of("users:manage"));
        admin.auth().roles().create("analyst", Set.of("predictions:read"));
        admin.auth().users().create("root", TestAdmin.PASSWORD, Set.of("admin"));
        admin.auth().users().create("ana", TestAdmin.PASSWORD, Set.of());
        manager = admin.userWithRoles("mona", "accounts");
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    private static Set<String> rolesOf(String user) {
        return admin.auth().users().find(user).map(User::roles).orElseThrow();
    }

    @Test
    void a_revoke_without_a_key_is_refused_not_an_error() {
        TestResponse none = manager.postWithToken("/admin/keys/revoke", Map.of());
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.text()).contains("no key was chosen");
        TestResponse unknown = manager.postWithToken("/admin/keys/revoke", Map.of("keyId", "0000000000000000"));
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void a_manager_cannot_give_themselves_or_a_new_user_the_admin_role() {
        TestResponse self = manager.postWithToken("/admin/users/roles", Map.of("username", "mona", "roles", "admin"));
        assertThat(self.status()).isEqualTo(403);
        assertThat(rolesOf("mona")).containsExactly("accounts");

        TestResponse created = manager.postWithToken("/admin/users",
                Map.of("username", "sock", "password", "longenough1", "roles", "admin"));
        assertThat(created.status()).isEqualTo(403);
        assertThat(admin.auth().users().find("sock")).isEmpty();
    }

    @Test
    void a_manager_cannot_widen_a_role_beyond_their_own_permissions_or_edit_the_admin_role() {
        TestResponse widen = manager.postWithToken("/admin/roles/permissions",
                Map.of("name", "accounts", "permissions", "users:manage *"));
        assertThat(widen.status()).isEqualTo(403);
        assertThat(admin.auth().roles().find("accounts").orElseThrow().permissions()).containsExactly("users:manage");

        TestResponse create = manager.postWithToken("/admin/roles", Map.of("name", "models", "permissions", "models:manage"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(admin.auth().roles().find("models")).isEmpty();

        TestResponse shrinkAdmin = manager.postWithToken("/admin/roles/permissions", Map.of("name", "admin", "permissions", ""));
        assertThat(shrinkAdmin.status()).isEqualTo(403);
        assertThat(admin.auth().roles().find("admin").orElseThrow().permissions()).containsExactly("*");
    }

    @Test
    void a_manager_cannot_make_a_key_for_deactivate_or_revoke_the_keys_of_someone_holding_more() {
        TestResponse key = manager.postWithToken("/admin/keys", Map.of("username", "root", "name", "mine now"));
        assertThat(key.status()).isEqualTo(403);
        assertThat(key.text()).doesNotContain("bk_");
        assertThat(admin.auth().apiKeys().list("root")).isEmpty();

        TestResponse off = manager.postWithToken("/admin/users/active", Map.of("username", "root", "active", "false"));
        assertThat(off.status()).isEqualTo(403);
        assertThat(admin.auth().users().find("root").orElseThrow().active()).isTrue();

        String rootKey = admin.auth().apiKeys().create("root", "ops", null).info().keyId();
        TestResponse revoke = manager.postWithToken("/admin/keys/revoke", Map.of("keyId", rootKey));
        assertThat(revoke.status()).isEqualTo(403);
        assertThat(admin.auth().apiKeys().list("root").getFirst().revokedAt()).isNull();
    }

    @Test
    void within_their_own_permissions_a_manager_still_manages_accounts() {
        TestResponse roles = manager.postWithToken("/admin/users/roles", Map.of("username", "ana", "roles", "accounts"));
        assertThat(roles.status()).isEqualTo(303);
        assertThat(rolesOf("ana")).containsExactly("accounts");
        TestResponse key = manager.postWithToken("/admin/keys", Map.of("username", "ana", "name", "ci"));
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.text()).contains("bk_");
    }
}
