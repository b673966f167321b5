package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.routing.Route;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiddenRoutesTest {

    @Test
    void hidden_routes_are_absent_from_the_document() {
        Barista app = ExampleApp.create();
        JsonNode paths = ExampleApp.openApi(app).path("paths");

        List<String> hidden = app.routes().stream().filter(Route::hidden).map(r -> r.path().text()).toList();
        assertThat(hidden).contains("/healthz", "/readyz", "/openapi.json", "/docs", "/redoc", "/internal")
                .anyMatch(p -> p.startsWith("/webjars/"));
        assertThat(paths.fieldNames()).toIterable().doesNotContainAnyElementsOf(hidden);
    }

    @Test
    void every_route_not_hidden_is_present() {
        Barista app = ExampleApp.create();
        JsonNode paths = ExampleApp.openApi(app).path("paths");

        for (Route r : app.routes()) {
            if (!r.hidden()) {
                assertThat(paths.path(r.path().text()).has(r.method().name().toLowerCase(java.util.Locale.ROOT)))
                        .as(r.name()).isTrue();
            }
        }
    }
}
