package barista.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.Barista;
import barista.SetupException;
import barista.binding.Default;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Developer mistakes stop start-up and name the route. */
class RouteSetupTest {
    record Id(long id) {}

    record Nested(Id inner) {}

    record BadDefault(@Default("0") @Min(1) int limit) {}

    record NotANumber(@Default("ten") int limit) {}

    static final class NotARecord {
    }

    @Test
    void duplicate_route_fails_start_up_naming_it() {
        Barista app = Transport.app();
        app.get("/a", ctx -> 1);
        app.get("/a", ctx -> 2);
        assertThatThrownBy(app::dispatcher).isInstanceOf(SetupException.class).hasMessageContaining("GET /a");
    }

    @Test
    void path_variable_without_a_component_fails_naming_the_route() {
        Barista app = Transport.app();
        assertThatThrownBy(() -> app.get("/items/{itemId}", Id.class, (ctx, p) -> p))
                .isInstanceOf(SetupException.class).hasMessageContaining("GET /items/{itemId}")
                .hasMessageContaining("itemId");
    }

    @Test
    void structured_parameter_types_are_refused_with_advice() {
        Barista app = Transport.app();
        assertThatThrownBy(() -> app.get("/n", Nested.class, (ctx, p) -> p))
                .isInstanceOf(SetupException.class).hasMessageContaining("JSON body");
        assertThatThrownBy(() -> app.get("/m", NotARecord.class, (ctx, p) -> p))
                .isInstanceOf(SetupException.class).hasMessageContaining("must be a record");
    }

    @Test
    void default_of_the_wrong_type_is_refused_where_declared() {
        Barista app = Transport.app();
        assertThatThrownBy(() -> app.get("/c", NotANumber.class, (ctx, p) -> p))
                .isInstanceOf(SetupException.class).hasMessageContaining("must be an integer");
    }

    @Test
    void default_that_breaks_its_own_constraint_stops_start_up() {
        Barista app = Transport.app();
        app.get("/b", BadDefault.class, (ctx, p) -> p);
        assertThatThrownBy(app::start).isInstanceOf(SetupException.class)
                .hasMessageContaining("GET /b").hasMessageContaining("breaks its own constraint");
        assertThatThrownBy(() -> TestClient.inProcess(app)).isInstanceOf(SetupException.class);
    }

    @Test
    void routes_cannot_be_added_after_start() {
        Barista app = Transport.app();
        app.get("/a", ctx -> 1);
        app.dispatcher();
        assertThatThrownBy(() -> app.get("/b", ctx -> 2)).isInstanceOf(SetupException.class);
    }

    @Test
    void resource_with_no_overrides_is_refused() {
        Barista app = Transport.app();
        assertThatThrownBy(() -> app.resource("/r", new barista.Resource() { }))
                .isInstanceOf(SetupException.class).hasMessageContaining("overrides none");
    }

    @Test
    void success_status_must_not_be_an_error_code() {
        Barista app = Transport.app();
        assertThatThrownBy(() -> app.get("/a", ctx -> List.of()).status(404)).isInstanceOf(SetupException.class);
        assertThatThrownBy(() -> app.get("/z", ctx -> Map.of()).status(99)).isInstanceOf(SetupException.class);
    }
}
