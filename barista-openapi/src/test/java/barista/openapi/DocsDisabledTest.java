package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocsDisabledTest {

    @ParameterizedTest
    @ValueSource(strings = {"/openapi.json", "/docs", "/redoc", "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js",
            "/webjars/redoc/2.1.4/bundles/redoc.standalone.js"})
    void docs_enabled_false_removes_the_docs_routes(String path) {
        Barista app = Barista.create(cfg -> cfg.requestLog(false).property("barista.docs.enabled", "false"));
        app.get("/hello", ctx -> "hi");

        try (TestClient client = TestClient.inProcess(app)) {
            assertThat(client.get(path).status()).isEqualTo(404);
            assertThat(client.get("/hello").status()).isEqualTo(200);
        }
    }
}
