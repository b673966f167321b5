package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operation with requirements lists the schemes that can satisfy them and documents the 401
 * and 403 problems core's access check answers; an open one has neither.
 */
class OperationSecurityTest {
    private final JsonNode doc = ExampleApp.openApi(SecuredApp.create(true));

    private static List<String> alternatives(JsonNode op) {
        List<String> names = new ArrayList<>();
        for (JsonNode alternative : op.path("security")) {
            assertThat(alternative.size()).isEqualTo(1);
            alternative.fields().forEachRemaining(e -> {
                assertThat(e.getValue().isArray() && e.getValue().isEmpty()).as("no scopes").isTrue();
                names.add(e.getKey());
            });
        }
        return names;
    }

    @Test
    void every_route_with_requirements_accepts_any_one_scheme() {
        for (String pointer : List.of("/paths/~1me/get", "/paths/~1notes/post", "/paths/~1users~1{id}/delete",
                "/paths/~1models~1{name}~1predict/post")) {
            assertThat(alternatives(doc.at(pointer))).as(pointer)
                    .containsExactly("apiKey", "bearer", "oauth2", "session");
        }
    }

    @Test
    void open_routes_have_no_security_and_no_401_or_403() {
        for (String pointer : List.of("/paths/~1open/get", "/paths/~1auth~1token/post")) {
            JsonNode op = doc.at(pointer);
            assertThat(op.has("security")).as(pointer).isFalse();
            assertThat(op.path("responses").fieldNames()).toIterable().as(pointer).doesNotContain("401", "403");
        }
    }

    @Test
    void authentication_answers_401_with_a_problem_and_www_authenticate() {
        JsonNode responses = doc.at("/paths/~1me/get/responses");
        JsonNode unauthorized = responses.path("401");

        assertThat(unauthorized.path("description").asText()).startsWith("Not authenticated. Requires authentication");
        assertThat(unauthorized.at("/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(unauthorized.at("/headers/WWW-Authenticate/schema/type").asText()).isEqualTo("string");
        // A safe route needing only a signed-in caller cannot be forbidden by the access check.
        assertThat(responses.has("403")).isFalse();
    }

    @Test
    void an_unsafe_route_needing_authentication_documents_the_csrf_403() {
        JsonNode forbidden = doc.at("/paths/~1notes/post/responses/403");

        assertThat(forbidden.path("description").asText())
                .isEqualTo("A session-authenticated request without its `X-CSRF-Token`.");
        assertThat(forbidden.at("/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void a_role_is_named_in_the_401_and_403() {
        JsonNode responses = doc.at("/paths/~1users~1{id}/delete/responses");

        assertThat(responses.fieldNames()).toIterable().containsExactly("204", "401", "403", "422", "default");
        assertThat(responses.at("/401/description").asText()).contains("Requires role admin");
        assertThat(responses.at("/403/description").asText()).startsWith("Requires role admin, which the caller lacks.");
        assertThat(responses.at("/403/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void a_permission_is_named_with_its_path_variables_unfilled() {
        JsonNode responses = doc.at("/paths/~1models~1{name}~1predict/post/responses");

        assertThat(responses.at("/401/description").asText()).contains("Requires permission model:{name}:call");
        assertThat(responses.at("/403/description").asText())
                .startsWith("Requires permission model:{name}:call, which the caller lacks.");
    }

    @Test
    void the_documented_answers_are_what_the_server_sends() {
        Barista app = SecuredApp.create(true);
        try (TestClient client = TestClient.inProcess(app)) {
            TestResponse anonymous = client.get("/me");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("content-type")).startsWith("application/problem+json");
            assertThat(anonymous.header("www-authenticate")).isEqualTo("Bearer");

            TestResponse forbidden = client.request("DELETE", "/users/7").header("X-User", "ann").send();
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.header("content-type")).startsWith("application/problem+json");
            assertThat(forbidden.json().path("detail").asText()).endsWith("requires role admin");
        }
    }
}
