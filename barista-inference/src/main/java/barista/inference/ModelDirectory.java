package barista.inference;

import barista.SetupException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The model directory, {@code <root>/<name>/<version>/model.onnx}: scanned at start-up, then
 * polled, so that copying in a new version loads it, replacing a file reloads it and deleting a
 * version's folder unloads it, with no admin call. Editing a {@code config.json} reloads the
 * versions it applies to.
 *
 * <p>Polling rather than file-system events: it works the same on every file system (container
 * volumes, NFS), handles nested folders without re-registering watches, and a model directory
 * holds a handful of files. A file is loaded only once its size and time are the same on two
 * polls in a row, so a half-copied model is never loaded.
 *
 * <p>Threading: one daemon thread polls; loads go through the registry's loader.
 */
final class ModelDirectory {
    static final String MODEL_FILE = "model.onnx";
    private static final System.Logger LOG = System.getLogger("barista.models");

    private final Path root;
    private final Models models;
    private final Map<String, Stamp> loaded = new HashMap<>();
    private final Map<String, Stamp> settling = new HashMap<>();
    private ScheduledExecutorService poller;

    /** What identifies a version's files: the model file's size and time, and its configs' times. */
    private record Stamp(long size, long modified, long configModified) {
    }

    ModelDirectory(Path root, Models models) {
        this.root = root;
        this.models = models;
    }

    Path root() {
        return root;
    }

    /** Parses {@code barista.models.watch}: {@code 2s}, {@code 500ms}, or {@code 0}/{@code off} for no polling. */
    static Duration interval(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.equals("0") || t.equals("off") || t.equals("false")) {
                return Duration.ZERO;
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new SetupException("barista.models.watch must be like 2s, 500ms or off, got '" + text + "'");
    }

    /** Loads what is there now (in the background, holding readiness), then polls every {@code every}. */
    synchronized void start(Duration every) {
        for (Map.Entry<String, Path> found : scan().entrySet()) {
            loaded.put(found.getKey(), stamp(found.getValue()));
            String[] nv = found.getKey().split("/");
            models.loadAtStartup(nv[0], nv[1], found.getValue());
        }
        if (!every.isZero() && Files.isDirectory(root)) {
            poller = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("barista-model-watch").factory());
            poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private synchronized void poll() {
        try {
            Map<String, Path> now = scan();
            for (Map.Entry<String, Path> found : now.entrySet()) {
                String key = found.getKey();
                Stamp stamp = stamp(found.getValue());
                if (stamp == null || stamp.equals(loaded.get(key))) {
                    settling.remove(key);
                    continue;
                }
                if (!stamp.equals(settling.put(key, stamp))) {
                    continue; // changed since the last poll: still being written
                }
                settling.remove(key);
                loaded.put(key, stamp);
                String[] nv = key.split("/");
                LOG.log(System.Logger.Level.INFO, "model directory: loading {0} v{1} from {2}", nv[0], nv[1], found.getValue());
                models.loadFromDirectory(nv[0], nv[1], found.getValue());
            }
            for (String key : Map.copyOf(loaded).keySet()) {
                if (!now.containsKey(key)) {
                    loaded.remove(key);
                    String[] nv = key.split("/");
                    LOG.log(System.Logger.Level.INFO, "model directory: {0} v{1} was removed; unloading", nv[0], nv[1]);
                    try {
                        models.unload(nv[0], nv[1]);
                    } catch (ModelNotFoundException alreadyGone) {
                        // unloaded through the admin API first
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "model directory poll failed: " + e);
        }
    }

    /** {@code name/version} to the model file, for every version folder holding one. */
    private Map<String, Path> scan() {
        Map<String, Path> found = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> names = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path model : names) {
                if (hidden(model)) {
                    continue;
                }
                try (DirectoryStream<Path> versions = Files.newDirectoryStream(model, Files::isDirectory)) {
                    for (Path version : versions) {
                        Path file = version.resolve(MODEL_FILE);
                        if (!hidden(version) && Files.isRegularFile(file)) {
                            found.put(model.getFileName() + "/" + version.getFileName(), file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read model directory " + root + ": " + e.getMessage());
        }
        return found;
    }

    private static boolean hidden(Path p) {
        return !Models.isValidName(p.getFileName().toString());
    }

    /** The version's stamp; editing its {@code config.json} (or the model's) reloads it too. */
    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long config = Math.max(modified(file.resolveSibling("config.json")),
                    modified(file.getParent().resolveSibling("config.json")));
            return new Stamp(a.size(), a.lastModifiedTime().toMillis(), config);
        } catch (IOException e) {
            return null;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
