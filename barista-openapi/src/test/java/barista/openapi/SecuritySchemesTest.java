package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Routes with requirements give the document the schemes barista-auth accepts. */
class SecuritySchemesTest {

    @Test
    void api_keys_bearer_tokens_and_the_session_cookie_are_offered() {
        JsonNode schemes = ExampleApp.openApi(SecuredApp.create(false)).at("/components/securitySchemes");

        assertThat(schemes.fieldNames()).toIterable().containsExactly("apiKey", "bearer", "session");
        assertThat(schemes.path("apiKey").toString())
                .isEqualTo("{\"type\":\"apiKey\",\"in\":\"header\",\"name\":\"X-API-Key\",\"description\":"
                        + "\"An API key (`bk_...`) in the `X-API-Key` header.\"}");
        JsonNode bearer = schemes.path("bearer");
        assertThat(bearer.path("type").asText()).isEqualTo("http");
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(bearer.path("description").asText()).contains("API keys (`bk_...`) work here too");
        JsonNode session = schemes.path("session");
        assertThat(session.path("type").asText()).isEqualTo("apiKey");
        assertThat(session.path("in").asText()).isEqualTo("cookie");
        assertThat(session.path("name").asText()).isEqualTo("barista_session");
        assertThat(session.path("description").asText()).contains("X-CSRF-Token");
    }

    @Test
    void the_oauth2_password_flow_is_offered_only_when_the_app_has_the_token_route() {
        JsonNode schemes = ExampleApp.openApi(SecuredApp.create(true)).at("/components/securitySchemes");

        assertThat(schemes.fieldNames()).toIterable().containsExactly("apiKey", "bearer", "oauth2", "session");
        JsonNode oauth2 = schemes.path("oauth2");
        assertThat(oauth2.path("type").asText()).isEqualTo("oauth2");
        assertThat(oauth2.at("/flows/password/tokenUrl").asText()).isEqualTo("/auth/token");
        assertThat(oauth2.at("/flows/password/scopes").isObject()).isTrue();
        assertThat(oauth2.at("/flows/password/scopes").isEmpty()).isTrue();
        assertThat(oauth2.path("flows").fieldNames()).toIterable().containsExactly("password");
        assertThat(schemes.at("/bearer/description").asText()).contains("from `POST /auth/token`");
    }
}
