package barista.demo.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the two public data sets committed next to this class (copies of scikit-learn's files;
 * sources and licence in {@code DATA-LICENSE.md}). Each is parsed once, on first use, and the
 * class-initialisation lock makes that safe from any thread.
 */
final class BundledData {
    private static final List<String> DIGIT_NAMES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private BundledData() {
    }

    /** 150 flowers, 4 measurements in cm, classes setosa, versicolor, virginica. */
    static Dataset iris() {
        return Iris.DATA;
    }

    /** 1,797 8x8 images, pixels 0..16 row by row, classes "0".."9". */
    static Dataset digits() {
        return Digits.DATA;
    }

    private static final class Iris {
        static final Dataset DATA = readIris();
    }

    private static final class Digits {
        static final Dataset DATA = readDigits();
    }

    /** The header is {@code rows,features,class names...}; then features and a class index. */
    private static Dataset readIris() {
        List<String> lines = lines("iris.csv", false);
        String[] header = lines.getFirst().split(",");
        int rows = Integer.parseInt(header[0]);
        int width = Integer.parseInt(header[1]);
        List<String> classNames = List.of(header).subList(2, header.length);
        if (lines.size() - 1 != rows) {
            throw new IllegalStateException("iris.csv: header says " + rows + " rows, found " + (lines.size() - 1));
        }
        return parse("iris", lines.subList(1, lines.size()), width, classNames);
    }

    private static Dataset readDigits() {
        return parse("digits", lines("digits.csv.gz", true), 64, DIGIT_NAMES);
    }

    private static Dataset parse(String name, List<String> lines, int width, List<String> classNames) {
        float[][] x = new float[lines.size()][width];
        int[] y = new int[lines.size()];
        for (int r = 0; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            if (cells.length != width + 1) {
                throw new IllegalStateException(name + " row " + r + ": " + cells.length + " cells, want " + (width + 1));
            }
            for (int c = 0; c < width; c++) {
                x[r][c] = Float.parseFloat(cells[c]);
            }
            y[r] = Math.round(Float.parseFloat(cells[width]));
            if (y[r] < 0 || y[r] >= classNames.size()) {
                throw new IllegalStateException(name + " row " + r + ": class " + y[r] + " out of range");
            }
        }
        return new Dataset(name, x, y, classNames);
    }

    private static List<String> lines(String resource, boolean gzipped) {
        try (InputStream raw = BundledData.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing class-path resource barista/demo/models/" + resource);
            }
            InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
