package barista.demo.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeterminismTest {
    @Test
    void training_again_gives_byte_identical_models() {
        TrainedModel digits = ModelRecipes.digits();

        assertThat(ModelRecipes.iris().onnx()).isEqualTo(DemoModels.irisOnnx());
        assertThat(digits.onnx()).isEqualTo(DemoModels.digitsOnnx());
        assertThat(ModelRecipes.wide(digits).onnx()).isEqualTo(DemoModels.wideOnnx());
    }

    @Test
    void the_digits_split_is_the_same_every_time() {
        assertThat(DemoModels.digitsHeldOutRows()).containsExactly(DemoModels.digitsHeldOutRows());
    }
}
