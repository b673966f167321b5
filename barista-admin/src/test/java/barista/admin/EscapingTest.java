package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the database is escaped on every page. Auth allows only {@code A-Z a-z 0-9 _ . @ -}
 * in user and role names, so the markup rides in an API key's name (any text up to 100 chars).
 */
class EscapingTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    @TempDir
    static Path dir;
    static TestAdmin admin;
    static TestAdmin.Browser browser;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(dir);
        browser = admin.userWithRoles("root", "admin");
        admin.auth().apiKeys().create("root", SCRIPT, null);
        admin.auth().apiKeys().create("root", "\" onmouseover=\"alert(2)", null);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void a_key_named_like_a_script_is_shown_as_text() {
        String html = browser.get("/admin/keys").text();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT);
        assertThat(html).contains("&quot; onmouseover=&quot;alert(2)").doesNotContain("\" onmouseover=\"");
    }

    @Test
    void a_user_name_auth_refuses_never_reaches_a_page() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                admin.auth().users().create(SCRIPT, TestAdmin.PASSWORD, Set.of()))
                .isInstanceOf(barista.http.HttpError.class);
    }

    @Test
    void form_errors_echo_the_input_escaped() {
        String html = browser.postWithToken("/admin/users", java.util.Map.of("username", SCRIPT, "password", "x")).text();
        assertThat(html).contains("&lt;script&gt;").doesNotContain(SCRIPT);
    }
}
