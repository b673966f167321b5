package barista.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.SetupException;
import barista.http.Method;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static Route route(Method m, String path) {
        return new Route(m, PathTemplate.parse(path), null, null, null, 200, false, false,
                new RouteDoc(null, null, java.util.List.of(), "x", false, java.util.List.of(), java.util.List.of()), (ctx, p, b) -> null, java.util.List.of());
    }

    @Test
    void static_path_is_found_by_method() {
        RouteTable t = new RouteTable();
        t.add(route(Method.GET, "/predict"));
        assertThat(t.find(Method.GET, "/predict")).isInstanceOf(RouteTable.Found.class);
        assertThat(t.find(Method.GET, "/predict/")).isInstanceOf(RouteTable.NotFound.class);
    }

    @Test
    void templated_path_yields_its_variables() {
        RouteTable t = new RouteTable();
        t.add(route(Method.GET, "/items/{id}/tags/{tag}"));
        var found = (RouteTable.Found) t.find(Method.GET, "/items/42/tags/hot");
        assertThat(found.values()).containsExactly("42", "hot");
        assertThat(t.find(Method.GET, "/items//tags/hot")).isInstanceOf(RouteTable.NotFound.class);
    }

    @Test
    void static_route_wins_over_a_template_declared_first() {
        RouteTable t = new RouteTable();
        t.add(route(Method.GET, "/items/{id}"));
        t.add(route(Method.GET, "/items/new"));
        var found = (RouteTable.Found) t.find(Method.GET, "/items/new");
        assertThat(found.route().path().text()).isEqualTo("/items/new");
    }

    @Test
    void a_static_path_without_the_method_does_not_hide_a_template_with_it() {
        RouteTable t = new RouteTable();
        t.add(route(Method.POST, "/items/new"));
        t.add(route(Method.GET, "/items/{id}"));
        var found = (RouteTable.Found) t.find(Method.GET, "/items/new");
        assertThat(found.route().path().text()).isEqualTo("/items/{id}");
        var na = (RouteTable.NotAllowed) t.find(Method.DELETE, "/items/new");
        assertThat(na.allow()).isEqualTo("POST, OPTIONS, GET, HEAD");
    }

    @Test
    void wrong_method_lists_allowed_methods_with_head_and_options() {
        RouteTable t = new RouteTable();
        t.add(route(Method.GET, "/a"));
        t.add(route(Method.POST, "/a"));
        var na = (RouteTable.NotAllowed) t.find(Method.DELETE, "/a");
        assertThat(na.allow()).isEqualTo("GET, POST, HEAD, OPTIONS");
    }

    @Test
    void head_falls_back_to_get() {
        RouteTable t = new RouteTable();
        t.add(route(Method.GET, "/a"));
        var found = (RouteTable.Found) t.find(Method.HEAD, "/a");
        assertThat(found.head()).isTrue();
    }

    @Test
    void percent_encoded_static_path_matches() {
        RouteTable t = new RouteTable();
        t.add(route(Method.GET, "/caf\u00e9"));
        assertThat(t.find(Method.GET, "/caf%C3%A9")).isInstanceOf(RouteTable.Found.class);
    }

    @Test
    void duplicate_route_is_a_setup_error_naming_it() {
        RouteTable t = new RouteTable();
        t.add(route(Method.GET, "/a/{x}"));
        assertThatThrownBy(() -> t.add(route(Method.GET, "/a/{x}")))
                .isInstanceOf(SetupException.class).hasMessageContaining("GET /a/{x}");
        assertThatThrownBy(() -> t.add(route(Method.POST, "/a/{y}")))
                .isInstanceOf(SetupException.class).hasMessageContaining("same names");
    }

    @Test
    void malformed_templates_are_setup_errors() {
        assertThatThrownBy(() -> PathTemplate.parse("items")).isInstanceOf(SetupException.class);
        assertThatThrownBy(() -> PathTemplate.parse("/items/x{id}")).isInstanceOf(SetupException.class);
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}/{id}")).isInstanceOf(SetupException.class);
        assertThatThrownBy(() -> PathTemplate.parse("/a/{1x}")).isInstanceOf(SetupException.class);
        assertThatThrownBy(() -> PathTemplate.parse("/a?x=1")).isInstanceOf(SetupException.class);
    }
}
