package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import barista.test.TestResponse;
import org.junit.jupiter.api.Test;

/** The docs through the real engine: what the in-process tests show holds over a socket too. */
class DocsOverSocketTest {

    @Test
    void document_page_and_script_are_served_over_a_socket() {
        Barista app = ExampleApp.create();
        try (TestClient client = TestClient.overSocket(app)) {
            TestResponse doc = client.get("/openapi.json");
            TestResponse page = client.get("/docs");
            TestResponse script = client.get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js");

            assertThat(doc.status()).isEqualTo(200);
            assertThat(doc.json().at("/paths/~1predict/get/operationId").asText()).isEqualTo("get_predict");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("content-security-policy")).startsWith("default-src 'self'");
            assertThat(script.status()).isEqualTo(200);
            assertThat(script.header("content-type")).isEqualTo("application/javascript; charset=utf-8");
            assertThat(script.body().length).isGreaterThan(100_000);
        }
    }
}
