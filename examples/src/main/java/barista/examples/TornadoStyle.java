package barista.examples;

import barista.Barista;
import barista.Context;
import barista.Resource;

/** Tornado's handler class: one object serves the methods it overrides at one path. */
public final class TornadoStyle {
    private TornadoStyle() {
    }

    // tag::tornado[]
    public record Prediction(int prediction) {}

    public static final class PredictionHandler implements Resource {
        @Override
        public Prediction get(Context ctx) {
            return new Prediction(99);
        }
    }

    public static void install(Barista app) {
        app.resource("/prediction", new PredictionHandler());
    }
    // end::tornado[]
}
