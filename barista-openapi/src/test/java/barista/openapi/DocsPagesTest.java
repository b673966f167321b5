package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.test.TestClient;
import barista.test.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocsPagesTest {
    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/redoc"})
    void docs_page_is_html_under_a_strict_csp_loading_only_local_files(String page) {
        try (TestClient client = TestClient.inProcess(ExampleApp.create())) {
            TestResponse r = client.get(page);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.header("content-security-policy")).isEqualTo("default-src 'self'; img-src 'self' data:;"
                    + " style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; worker-src 'self' blob:");
            assertThat(r.text()).contains("/openapi.json").doesNotContain("http://", "https://", "//cdn");
            assertThat(linked(r.text())).isNotEmpty().allMatch(url -> url.startsWith("/webjars/"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/redoc"})
    void every_file_a_docs_page_loads_is_served_with_its_type_and_cached(String page) {
        try (TestClient client = TestClient.inProcess(ExampleApp.create())) {
            for (String url : linked(client.get(page).text())) {
                TestResponse file = client.get(url);

                assertThat(file.status()).as(url).isEqualTo(200);
                assertThat(file.body()).as(url).isNotEmpty();
                assertThat(file.header("content-type")).as(url).isEqualTo(expectedType(url));
                assertThat(file.header("cache-control")).as(url).isEqualTo("public, max-age=86400");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/redoc"})
    void docs_page_loads_the_pinned_webjar_versions(String page) {
        try (TestClient client = TestClient.inProcess(ExampleApp.create())) {
            String html = client.get(page).text();

            assertThat(html).containsAnyOf("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js",
                    "/webjars/redoc/2.1.4/bundles/redoc.standalone.js");
        }
    }

    @Test
    void other_webjar_files_are_not_served() {
        try (TestClient client = TestClient.inProcess(ExampleApp.create())) {
            assertThat(client.get("/webjars/swagger-ui/5.34.1/index.html").status()).isEqualTo(404);
            assertThat(client.get("/webjars/redoc/2.1.4/package.json").status()).isEqualTo(404);
        }
    }

    private static String expectedType(String url) {
        if (url.endsWith(".js")) {
            return "application/javascript; charset=utf-8";
        }
        if (url.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "image/png";
    }

    private static List<String> linked(String html) {
        List<String> urls = new ArrayList<>();
        Matcher m = LINKED.matcher(html);
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }
}
