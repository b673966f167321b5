package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.test.TestResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the database is escaped on every page. Auth allows only {@code A-Z a-z 0-9 _ . @ -}
 * in user and role names, and request ids are plain too, so the markup rides in an API key's name
 * (any text up to 100 chars) and in a prediction's feedback (any JSON).
 */
class EscapingTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    @TempDir
    static Path dir;
    static TestAdmin admin;
    static TestAdmin.Browser browser;

    @BeforeAll
    static void start() {
        admin = TestAdmin.withIris(dir, cfg -> { });
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

    @Test
    void feedback_shaped_like_markup_is_shown_as_text_in_the_log() {
        TestResponse prediction = admin.client.post("/models/iris/predict", Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2))));
        assertThat(prediction.status()).as(prediction.text()).isEqualTo(200);
        String id = prediction.header("X-Request-Id");
        TestResponse feedback = admin.client.post("/predictions/" + id + "/feedback", Map.of("label", "<script>alert(3)</script>"));
        assertThat(feedback.status()).as(feedback.text()).isEqualTo(204);

        String html = browser.get("/admin/predictions").text();

        assertThat(html).contains(id).contains("&lt;script&gt;alert(3)").doesNotContain("<script>alert(3)");
    }

    @Test
    void filters_echo_their_input_escaped() {
        String html = browser.get("/admin/predictions?q=" + encode("<script>alert(4)</script>")
                + "&principal=" + encode("\" onfocus=\"alert(5)")).text();

        assertThat(html).contains("&lt;script&gt;alert(4)").doesNotContain("<script>alert(4)");
        assertThat(html).contains("&quot; onfocus=&quot;alert(5)").doesNotContain("\" onfocus=\"");
    }

    @Test
    void sql_in_a_filter_is_a_value_to_match() {
        String id = admin.client.post("/models/iris/predict", Map.of("inputs", List.of(List.of(6.2, 2.9, 4.3, 1.3))))
                .header("X-Request-Id");

        assertThat(browser.get("/admin/predictions?version=1").text()).contains(id);
        for (String sql : List.of("1' OR '1'='1", "1' --", "%", "_")) {
            for (String field : List.of("version", "principal", "model")) {
                String html = browser.get("/admin/predictions?" + field + "=" + encode(sql)).text();
                assertThat(html).as(field + "=" + sql).doesNotContain(id).contains("No predictions match");
            }
        }
        for (String text : List.of("' OR 1=1 --", "%", "_", "6.2%1.3")) {
            assertThat(browser.get("/admin/predictions?q=" + encode(text)).text()).as("q=" + text).doesNotContain(id);
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
