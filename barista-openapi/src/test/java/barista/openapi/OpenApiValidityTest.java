package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

class OpenApiValidityTest {

    private static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    @Test
    void document_validates_as_openapi_3_1() {
        SwaggerParseResult result = parse(ExampleApp.openApi().toString());

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/predict", "/items", "/items/{id}", "/search",
                "/customers", "/notes/{noteId}");
    }

    @Test
    void document_of_an_app_with_no_routes_of_its_own_validates() {
        Barista app = Barista.create(cfg -> cfg.requestLog(false));

        SwaggerParseResult result = parse(ExampleApp.openApi(app).toString());

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).isEmpty();
    }

    @Test
    void document_with_requirements_and_security_schemes_validates() {
        for (boolean tokenRoute : new boolean[] {false, true}) {
            SwaggerParseResult result = parse(ExampleApp.openApi(SecuredApp.create(tokenRoute)).toString());

            assertThat(result.getMessages()).as("token route: %s", tokenRoute).isEmpty();
            assertThat(result.getOpenAPI().getComponents().getSecuritySchemes())
                    .containsKeys("apiKey", "bearer", "session");
            assertThat(result.getOpenAPI().getPaths().get("/me").getGet().getSecurity()).hasSizeGreaterThan(1);
        }
    }
}
