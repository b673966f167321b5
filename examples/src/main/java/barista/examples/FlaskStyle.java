package barista.examples;

import barista.Barista;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/** Flask's JSON in, JSON out: {@code POST /sum {"values":[1,2,3]}} answers {@code {"total": 6}}. */
public final class FlaskStyle {
    private FlaskStyle() {
    }

    // tag::flask[]
    public record Values(@NotNull List<@NotNull Integer> values) {}

    public static void install(Barista app) {
        app.post("/sum", Values.class, (ctx, in) -> Map.of("total", in.values().stream().mapToLong(v -> v).sum()));
    }
    // end::flask[]
}
