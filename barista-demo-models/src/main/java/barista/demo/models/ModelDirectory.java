package barista.demo.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes one model into the layout a model server scans:
 * {@code <models>/<name>/<version>/model.onnx} and {@code <models>/<name>/config.json}.
 *
 * <p>Each file is written to a temporary sibling and then moved into place, and the config is
 * written before the model, so a server watching the directory for new versions never reads a
 * half-written file. Blocks on file IO; fails with {@link UncheckedIOException}.
 */
final class ModelDirectory {
    static final String MODEL_FILE = "model.onnx";
    static final String CONFIG_FILE = "config.json";

    private ModelDirectory() {
    }

    /** Returns the path of the model file written. {@code config} may be null: no config.json. */
    static Path write(Path modelsDir, String name, String version, byte[] onnx, ModelConfig config) {
        checkSegment("model name", name);
        checkSegment("version", version);
        Path modelDir = modelsDir.resolve(name);
        Path versionDir = modelDir.resolve(version);
        try {
            Files.createDirectories(versionDir);
            if (config != null) {
                replace(modelDir.resolve(CONFIG_FILE), config.toJson().getBytes(StandardCharsets.UTF_8));
            }
            Path model = versionDir.resolve(MODEL_FILE);
            replace(model, onnx);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + name + " version " + version + " to " + modelsDir, e);
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        // Not Files.createTempFile: its files are owner-only, and a server may run as another user.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void checkSegment(String what, String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..") || value.contains("/") || value.contains("\\")) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a single path segment");
        }
    }
}
