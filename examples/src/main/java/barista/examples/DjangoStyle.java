package barista.examples;

import barista.Barista;
import barista.Context;
import java.util.Map;

/** Django's function view: a plain method that takes the request and returns {@code {"result": 87}}. */
public final class DjangoStyle {
    private DjangoStyle() {
    }

    // tag::django[]
    public static Map<String, Integer> result(Context request) {
        return Map.of("result", 87);
    }

    public static void install(Barista app) {
        app.get("/result", DjangoStyle::result);
    }
    // end::django[]
}
