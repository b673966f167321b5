package barista.admin;

import barista.Barista;
import barista.admin.html.Page;
import barista.inference.ModelState;
import barista.inference.ModelVersion;
import barista.inference.Models;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /admin/models}: every model, in the registry or only in the model directory, with its
 * versions, their state, which serves and which is pinned; and the forms that change that:
 * load (or reload) a version from the model directory, serve it (a pin, the switch), go back to
 * following the latest, and unload it. Changing needs {@code models:manage}; looking needs only
 * to be staff ({@link Permissions#staff}). Each form posts, the registry acts, and the answer is
 * a redirect back with what happened in the query (a fixed message per action, the names
 * escaped when shown).
 *
 * <p>Threading: virtual threads; a load blocks its request until the version is ready or failed.
 */
final class ModelPages {
    private static final String FILE = "model.onnx";
    private static final String PATH = "/admin/models";

    private final Barista app;
    private final Layout layout;
    private final Flash flash;

    ModelPages(Barista app, Layout layout, Flash flash) {
        this.app = app;
        this.layout = layout;
        this.flash = flash;
    }

    void install(Guard guard) {
        guard.get(app, PATH, null, this::page);
        guard.post(app, "/admin/models/load", Permissions.MODELS_MANAGE, v -> act(v, Action.LOAD));
        guard.post(app, "/admin/models/serve", Permissions.MODELS_MANAGE, v -> act(v, Action.SERVE));
        guard.post(app, "/admin/models/follow", Permissions.MODELS_MANAGE, v -> act(v, Action.FOLLOW));
        guard.post(app, "/admin/models/unload", Permissions.MODELS_MANAGE, v -> act(v, Action.UNLOAD));
    }

    private Models models() {
        return Models.of(app);
    }

    /** The forms' actions, each with what the page says once it is done and when it failed. */
    private enum Action {
        LOAD("Loaded ", "Could not load "),
        SERVE("Now serving ", "Could not serve "),
        FOLLOW("Now following the latest version: ", "Could not change "),
        UNLOAD("Unloaded ", "Could not unload ");

        final String done;
        final String failed;

        Action(String done, String failed) {
            this.done = done;
            this.failed = failed;
        }
    }

    private Object act(Visit v, Action action) {
        String name = v.ctx().formValue("model");
        String version = v.ctx().formValue("version");
        boolean follow = action == Action.FOLLOW;
        if (!Models.isValidName(name) || (!follow && !Models.isValidName(version))) {
            return failed(v, "Not a valid model or version name.");
        }
        String what = follow ? name : name + " v" + version;
        Models models = models();
        try {
            switch (action) {
                case LOAD -> {
                    Path file = models.directory().resolve(name).resolve(version).resolve(FILE);
                    if (!Files.isRegularFile(file)) {
                        return failed(v, "No model file in the model directory for " + what + ".");
                    }
                    models.load(name, version, file);
                }
                case SERVE -> models.serve(name, version);
                case FOLLOW -> models.serve(name, null);
                case UNLOAD -> models.unload(name, version);
            }
        } catch (RuntimeException e) {
            // the registry keeps what served before; the page shows the model's last error
            return failed(v, action.failed + what + ".");
        }
        return flash.redirect(v, PATH, action.done + what + ".");
    }

    private Object failed(Visit v, String message) {
        return flash.redirect(v, PATH, new Flash.Message(message, true));
    }

    private Object page(Visit v) {
        Models models = app.hasService(Models.class) ? models() : null;
        Map<String, TreeSet<String>> onDisk = models == null ? Map.of() : scan(models.directory());
        TreeSet<String> names = new TreeSet<>(onDisk.keySet());
        if (models != null) {
            names.addAll(models.names());
        }
        boolean manage = v.may(Permissions.MODELS_MANAGE);
        return layout.page(v, "Models", PATH, p -> {
            if (models == null) {
                p.el("p", "This app serves no models (no model directory, barista.models.dir).");
                return;
            }
            if (names.isEmpty()) {
                p.el("p", "No models in " + models.directory() + ".");
            }
            for (String name : names) {
                model(p, models, name, onDisk.getOrDefault(name, new TreeSet<>()), manage, v.time());
            }
        });
    }

    private void model(Page p, Models models, String name, TreeSet<String> files, boolean manage, AdminTime time) {
        ModelVersion serving = models.serving(name);
        String pinned = models.pinned(name);
        p.open("article", "id", "model-" + name);
        p.open("header");
        p.el("h2", name);
        p.open("p");
        p.text(serving == null ? "No version serving" : "Serving v" + serving.version());
        p.text(pinned == null ? " (follows the latest ready version)" : " (pinned to v" + pinned + ")");
        p.close();
        if (manage && pinned != null) {
            p.postForm("/admin/models/follow", "class", "inline").hidden("model", name)
                    .el("button", "Follow latest", "type", "submit", "class", "secondary").close();
        }
        p.close();
        String error = models.lastError(name);
        if (error != null) {
            p.el("p", "Last load error: " + error, "class", "flash error");
        }
        Map<String, ModelVersion> loaded = new LinkedHashMap<>();
        for (ModelVersion mv : models.versions(name)) {
            loaded.put(mv.version(), mv);
        }
        Map<String, ModelVersion> rows = new TreeMap<>(Layout::compareVersions);
        for (String f : files) {
            rows.put(f, null);
        }
        rows.putAll(loaded);
        p.open("div", "class", "scroll");
        p.open("table");
        p.open("thead").open("tr");
        for (String h : List.of("Version", "State", "Ready since (" + time.label() + ")", "Size", "Actions")) {
            p.el("th", h, "scope", "col");
        }
        p.close().close().open("tbody");
        for (Map.Entry<String, ModelVersion> row : rows.entrySet()) {
            String version = row.getKey();
            ModelVersion mv = row.getValue();
            boolean isServing = serving != null && serving.version().equals(version);
            p.open("tr", "data-version", version);
            p.open("th", "scope", "row").text("v" + version);
            if (isServing) {
                p.text(" ").el("mark", "serving");
            }
            if (version.equals(pinned)) {
                p.text(" ").el("mark", "pinned");
            }
            p.close();
            p.el("td", mv == null ? "not loaded" : mv.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (mv.error() == null ? "" : ": " + mv.error()), "class", "wrap");
            p.el("td", mv == null || mv.readyAt() == null ? "" : time.format(mv.readyAt()));
            p.el("td", mv == null || mv.sizeBytes() < 0 ? "" : size(mv.sizeBytes()));
            p.open("td", "class", "actions");
            if (manage) {
                if (files.contains(version)) {
                    button(p, "/admin/models/load", name, version, mv == null ? "Load" : "Reload", "secondary");
                }
                if (mv != null && mv.state() == ModelState.READY && !version.equals(pinned)) {
                    button(p, "/admin/models/serve", name, version, isServing ? "Pin" : "Serve", null);
                }
                if (mv != null) {
                    button(p, "/admin/models/unload", name, version, "Unload", "contrast");
                }
            }
            p.close();
            p.close();
        }
        p.close().close().close();
        p.close();
    }

    private static String size(long bytes) {
        return bytes < 10 * 1024 ? bytes + " B" : bytes < 10L * 1024 * 1024 ? bytes / 1024 + " KiB" : bytes / (1024 * 1024) + " MiB";
    }

    private static void button(Page p, String action, String model, String version, String label, String cls) {
        p.postForm(action, "class", "inline").hidden("model", model).hidden("version", version)
                .el("button", label, "type", "submit", "class", cls,
                        "data-confirm", label.equals("Unload") ? "Unload " + model + " v" + version + "?" : null)
                .close();
    }

    /** The versions found as {@code <dir>/<name>/<version>/model.onnx}, by model. */
    private static Map<String, TreeSet<String>> scan(Path dir) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> names = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path m : names) {
                String name = m.getFileName().toString();
                if (!Models.isValidName(name)) {
                    continue;
                }
                List<String> versions = new ArrayList<>();
                try (DirectoryStream<Path> vs = Files.newDirectoryStream(m, Files::isDirectory)) {
                    for (Path v : vs) {
                        String version = v.getFileName().toString();
                        if (Models.isValidName(version) && Files.isRegularFile(v.resolve(FILE))) {
                            versions.add(version);
                        }
                    }
                }
                if (!versions.isEmpty()) {
                    out.computeIfAbsent(name, k -> new TreeSet<>(Layout::compareVersions)).addAll(versions);
                }
            }
        } catch (IOException e) {
            System.getLogger("barista.admin").log(System.Logger.Level.WARNING, "cannot list " + dir, e);
        }
        return out;
    }
}
