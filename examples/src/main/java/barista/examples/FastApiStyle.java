package barista.examples;

import barista.Barista;

/** FastAPI's typed query parameter: {@code GET /predict?score=5} answers {@code {"prediction": 15}}. */
public final class FastApiStyle {
    private FastApiStyle() {
    }

    // tag::fastapi[]
    public record Score(int score) {}

    public record Prediction(int prediction) {}

    public static void install(Barista app) {
        app.get("/predict", Score.class, (ctx, q) -> new Prediction(3 * q.score()))
                .summary("Predict from a score").returns(Prediction.class);
    }
    // end::fastapi[]
}
