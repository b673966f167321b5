package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's code is the tested code: every region between {@code // tag::name[]} and
 * {@code // end::name[]} in examples/ must appear in README.md word for word (after
 * removing the common indentation), and every Java block in the README must be such a region.
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern TAG = Pattern.compile("(?s)// tag::([\\w-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]");

    @Test
    void every_tagged_example_appears_in_the_readme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> regions = regions();
        assertThat(regions).hasSizeGreaterThanOrEqualTo(6);
        for (String region : regions) {
            assertThat(readme).as("README.md must contain this example verbatim:%n%s", region).contains(region);
        }
    }

    @Test
    void every_java_block_in_the_readme_is_a_tested_example() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> regions = regions();
        Matcher m = Pattern.compile("(?s)```java\\n(.*?)```").matcher(readme);
        while (m.find()) {
            String block = m.group(1).strip();
            assertThat(regions).as("this README block is not a tagged region of examples/:%n%s", block)
                    .anySatisfy(r -> assertThat(r.strip()).isEqualTo(block));
        }
    }

    private static List<String> regions() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("examples/src"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TAG.matcher(Files.readString(p));
                while (m.find()) {
                    out.add(dedent(m.group(2)));
                }
            }
        }
        return out;
    }

    static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
