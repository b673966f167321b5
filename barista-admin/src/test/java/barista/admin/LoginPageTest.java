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

/** The sign-in form: its CSRF token, one message for every wrong credential, throttling, sign-out. */
class LoginPageTest {
    @TempDir
    static Path dir;
    static TestAdmin admin;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(dir);
        admin.auth().users().create("grace", TestAdmin.PASSWORD, Set.of("admin"));
        admin.auth().users().create("victim", TestAdmin.PASSWORD, Set.of());
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void login_page_renders_a_form_with_csrf_field_and_matching_cookie() {
        TestAdmin.Browser b = new TestAdmin.Browser(admin.client);
        TestResponse r = b.get("/admin/login?next=/admin/keys");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.text()).contains("<form method=\"post\" action=\"/admin/login\">")
                .contains("name=\"username\"").contains("type=\"password\"")
                .contains("name=\"next\" value=\"/admin/keys\"").doesNotContain("<script>");
        assertThat(b.cookies.get(SignInPages.LOGIN_COOKIE)).isEqualTo(TestAdmin.csrf(r.text()));
    }

    @Test
    void a_login_post_without_the_form_token_is_refused() {
        TestAdmin.Browser b = new TestAdmin.Browser(admin.client);
        b.get("/admin/login");
        TestResponse r = b.post("/admin/login", Map.of("username", "grace", "password", TestAdmin.PASSWORD));
        assertThat(r.status()).isEqualTo(403);
        assertThat(b.cookies).doesNotContainKey("barista_session");
    }

    @Test
    void a_browser_that_dropped_the_secure_cookie_over_plain_http_is_told_why() throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("secure"));
        try (TestAdmin secure = TestAdmin.start(dir.resolve("secure"), cfg -> cfg
                .property("barista.auth.cookie-secure", "true").property("barista.allowed-hosts", "*"))) {
            // A browser on http://admin.example.com/ keeps no Secure cookie, so it posts the form without one.
            assertThat(postWithoutCookie(secure, "http://admin.example.com")).contains("barista.auth.cookie-secure=false")
                    .contains("https://");
            assertThat(postWithoutCookie(secure, "http://10.0.0.7:8000")).contains("barista.auth.cookie-secure=false");
            for (String origin : new String[] {"https://admin.example.com", "http://localhost:8000", "http://127.0.0.1:8000",
                    "http://[::1]:8000", null}) {
                assertThat(postWithoutCookie(secure, origin)).as(String.valueOf(origin))
                        .contains("The sign-in form expired").doesNotContain("cookie-secure");
            }
        }
    }

    private static String postWithoutCookie(TestAdmin app, String origin) {
        var request = app.client.request("POST", "/admin/login")
                .body("username=grace&password=x&_csrf=t".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "application/x-www-form-urlencoded");
        TestResponse r = (origin == null ? request : request.header("Origin", origin)).send();
        assertThat(r.status()).isEqualTo(403);
        return r.text();
    }

    @Test
    void unknown_user_and_wrong_password_get_the_same_message() {
        String unknown = attempt("nobody-here", "whatever123").text();
        String wrong = attempt("grace", "wrong password").text();
        assertThat(unknown).contains("Wrong user name or password, or the account may not use the admin.");
        assertThat(wrong).contains("Wrong user name or password, or the account may not use the admin.");
    }

    @Test
    void repeated_failures_are_throttled_with_429() {
        TestResponse last = null;
        for (int i = 0; i < 7; i++) {
            last = attempt("victim", "not the password " + i);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.text()).contains("Too many failed sign-ins");
        assertThat(last.header("Retry-After")).isNotNull();
    }

    @Test
    void sign_in_then_sign_out() {
        TestAdmin.Browser b = admin.signIn("grace", TestAdmin.PASSWORD);
        assertThat(b.get("/admin").status()).isEqualTo(200);
        TestResponse out = b.postWithToken("/admin/logout", Map.of());
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/admin/login");
        assertThat(b.get("/admin").status()).isEqualTo(303);
    }

    private static TestResponse attempt(String username, String password) {
        TestAdmin.Browser b = new TestAdmin.Browser(admin.client);
        String token = TestAdmin.csrf(b.get("/admin/login").text());
        return b.post("/admin/login", Map.of("username", username, "password", password, "_csrf", token));
    }
}
