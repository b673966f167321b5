package barista.test;

import static barista.access.Requirement.authenticated;
import static barista.access.Requirement.permission;
import static barista.access.Requirement.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.SetupException;
import barista.access.Principal;
import barista.http.HttpError;
import barista.spi.AccessControl;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Core's side of access: routes declare what they need, core checks it against the principal an
 * access control reports. The access control here reads a made-up header; barista-auth's real
 * one is tested in its module.
 */
class RouteRequirementsTest {

    private static final Map<String, Principal> CALLERS = Map.of(
            "alice", new TestPrincipal("alice", Set.of("admin"), Set.of("model:iris:call")),
            "bob", TestPrincipal.named("bob"));

    private static final AccessControl BY_HEADER = ctx -> {
        String who = ctx.header("X-Caller");
        if (who == null) {
            return Principal.anonymous();
        }
        Principal p = CALLERS.get(who);
        if (p == null) {
            throw new HttpError.Unauthorized("invalid credentials");
        }
        return p;
    };

    record Item(int size) {}

    private static Barista app() {
        Barista app = Transport.app().accessControl(BY_HEADER);
        app.get("/open", ctx -> ctx.principal().name());
        app.get("/me", ctx -> ctx.principal().name()).requires(authenticated());
        app.post("/admin/items", Item.class, (ctx, item) -> item).requires(role("admin"));
        app.post("/models/{name}/predict", ctx -> "ok").requires(permission("model:{name}:call"));
        return app;
    }

    @Test
    void an_open_route_sees_the_principal_or_anonymous() {
        var client = TestClient.inProcess(app());
        assertThat(client.get("/open").text()).isEqualTo("anonymous");
        assertThat(client.request("GET", "/open").header("X-Caller", "bob").send().text()).isEqualTo("bob");
    }

    @Test
    void nobody_signed_in_gets_401_with_a_challenge() {
        var r = TestClient.inProcess(app()).get("/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void a_principal_without_the_role_gets_403_before_its_body_is_validated() {
        var r = TestClient.inProcess(app()).request("POST", "/admin/items").header("X-Caller", "bob")
                .jsonText("{\"size\": \"not a number\"}").send();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("detail").asText()).isEqualTo("not allowed: requires role admin");
    }

    @Test
    void anonymous_gets_401_not_422_for_an_invalid_body() {
        var r = TestClient.inProcess(app()).request("POST", "/admin/items").jsonText("{}").send();
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void the_role_holder_gets_through() {
        var r = TestClient.inProcess(app()).request("POST", "/admin/items").header("X-Caller", "alice")
                .jsonText("{\"size\": 3}").send();
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void a_permission_is_filled_from_the_path() {
        var client = TestClient.inProcess(app());
        assertThat(client.request("POST", "/models/iris/predict").header("X-Caller", "alice").send().status()).isEqualTo(200);
        var other = client.request("POST", "/models/digits/predict").header("X-Caller", "alice").send();
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("detail").asText()).isEqualTo("not allowed: requires permission model:digits:call");
    }

    @Test
    void bad_credentials_are_401_even_on_an_open_route_that_asks() {
        var r = TestClient.inProcess(app()).request("GET", "/open").header("X-Caller", "mallory").send();
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void a_requirement_without_an_access_control_fails_start_up() {
        Barista app = Transport.app();
        app.get("/secret", ctx -> "s").requires(role("admin"));
        assertThatThrownBy(app::routes).isInstanceOf(SetupException.class)
                .hasMessageContaining("GET /secret requires role admin").hasMessageContaining("barista-auth");
    }

    @Test
    void a_permission_naming_a_missing_path_variable_fails_where_it_is_declared() {
        Barista app = Transport.app();
        assertThatThrownBy(() -> app.get("/models/{name}", ctx -> "").requires(permission("model:{model}:call")))
                .isInstanceOf(SetupException.class).hasMessageContaining("{model}");
    }

    @Test
    void form_fields_are_read_from_an_urlencoded_body() {
        Barista app = Transport.app();
        app.post("/login", ctx -> ctx.formValue("user") + "|" + ctx.formValue("next"));
        var r = TestClient.inProcess(app).request("POST", "/login")
                .body("user=a%27b+c&next=%2Fadmin".getBytes(), "application/x-www-form-urlencoded").send();
        assertThat(r.text()).isEqualTo("a'b c|/admin");
        var json = TestClient.inProcess(app).request("POST", "/login").jsonText("{}").send();
        assertThat(json.status()).isEqualTo(415);
    }
}
