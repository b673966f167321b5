package barista.inference.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import barista.demo.models.DemoModels;
import barista.inference.TensorSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started with a long command line, as {@code java -cp <every jar>} from an IDE or Gradle's
 * {@code run} is, loads a model. ONNX Runtime's start-up used to overflow the first caller's
 * stack on such a line and kill the JVM with SIGSEGV.
 */
class LongCommandLineTest {

    @Test
    void a_model_loads_in_a_jvm_whose_command_line_is_long(@TempDir Path dir) throws Exception {
        String classPath = System.getProperty("java.class.path"); // every jar, on the command line
        String padding = "x".repeat(60_000);
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(java(), "-cp", classPath, "-Dbarista.test.padding=" + padding,
                LoadIris.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        boolean exited = child.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(exited).as("the child JVM finished: " + output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("loaded iris with inputs [input]");
    }

    @Test
    void the_start_up_stack_grows_with_the_command_line() {
        assertThat(OnnxEnvironment.stackFor(0)).isEqualTo(4L << 20);
        assertThat(OnnxEnvironment.stackFor(100_000)).isGreaterThan(100_000 * 270L); // 270 B a byte measured
        assertThat(OnnxEnvironment.stackFor(Long.MAX_VALUE / 1024)).isEqualTo(1L << 30);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The child: loads the demo's iris model on its main thread, with the JVM's usual stack. */
    public static final class LoadIris {
        public static void main(String[] args) {
            try (OnnxRunner iris = OnnxRunner.load(DemoModels.irisOnnx(), "iris", 1)) {
                System.out.println("loaded iris with inputs " + iris.signature().inputs().stream().map(TensorSpec::name).toList());
            }
        }
    }
}
