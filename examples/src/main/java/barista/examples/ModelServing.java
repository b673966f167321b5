package barista.examples;

import barista.Barista;
import barista.inference.Model;
import barista.inference.Models;
import barista.inference.tensor.Tensor;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A model behind a typed endpoint: {@code POST /iris {"features": [[5.1, 3.5, 1.4, 0.2]]}}
 * answers {@code {"classes": [0]}}, the contract the Python peers in the benchmark serve. The
 * model itself comes from the model directory ({@code models/iris/1/model.onnx}), which also
 * serves it with no code at {@code /models/iris/predict} and {@code /v2/models/iris/infer}.
 */
public final class ModelServing {
    private ModelServing() {
    }

    // tag::iris[]
    /** Up to 64 rows of 4 measurements ({@code float @Size(...) []} constrains each row array). */
    public record IrisRequest(@NotEmpty @Size(max = 64) List<float @NotNull @Size(min = 4, max = 4) []> features) {}

    public record IrisResponse(int[] classes) {}

    public static void install(Barista app) {
        Model iris = Models.of(app).model("iris");
        app.post("/iris", IrisRequest.class, (ctx, in) -> iris
                        .predict(ctx, Tensor.ofFloats(in.features().toArray(float[][]::new)))
                        .thenApply(prediction -> new IrisResponse(prediction.classes())))
                .onEventLoop() // predict() only queues the rows, so the handler never blocks
                .returns(IrisResponse.class)
                .summary("Iris species from flower measurements");
    }
    // end::iris[]
}
