package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.inference.Models;

/** For tests that predict as soon as the demo starts: waits, as /readyz would, until its models have loaded. */
final class DemoModelsLoaded {
    private DemoModelsLoaded() {
    }

    static void await(Barista app) throws InterruptedException {
        Models models = Models.of(app);
        for (int i = 0; i < 2000 && !models.startupComplete(); i++) {
            Thread.sleep(10);
        }
        assertThat(models.startupComplete()).as("the demo models load").isTrue();
        assertThat(models.serving("iris")).as("iris serves").isNotNull();
        assertThat(models.serving("digits")).as("digits serves").isNotNull();
    }
}
