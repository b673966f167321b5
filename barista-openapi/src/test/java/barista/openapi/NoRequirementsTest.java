package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.access.Principal;
import barista.access.Requirement;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A document whose routes require nothing says nothing about security. */
class NoRequirementsTest {

    @Test
    void a_document_without_requirements_has_no_security_schemes_and_no_security() {
        JsonNode doc = ExampleApp.openApi();

        assertThat(doc.path("components").has("securitySchemes")).isFalse();
        assertThat(doc.has("security")).isFalse();
        doc.path("paths").forEach(item -> item.forEach(op -> {
            assertThat(op.has("security")).isFalse();
            assertThat(op.path("responses").has("401")).isFalse();
            assertThat(op.path("responses").has("403")).isFalse();
        }));
    }

    @Test
    void requirements_on_hidden_routes_only_add_no_security_schemes() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));
        app.accessControl(ctx -> Principal.anonymous());
        app.get("/open", ctx -> "hi");
        app.get("/internal", ctx -> "secret").hidden().requires(Requirement.role("admin"));

        assertThat(ExampleApp.openApi(app).path("components").has("securitySchemes")).isFalse();
    }
}
