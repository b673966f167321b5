package barista.inference.http;

import barista.Barista;
import barista.Response;
import barista.access.Requirement;
import barista.http.HttpError;
import barista.http.Status;
import barista.inference.ModelAccess;
import barista.inference.ModelState;
import barista.inference.ModelVersion;
import barista.inference.Models;
import barista.inference.runtime.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Changing what serves, at run time: load (or reload) a version from the model directory,
 * unload one, and pin the serving version. Off unless {@code barista.models.admin=true}; every
 * route requires {@link ModelAccess#MANAGE}, so the app needs an access control (barista-auth).
 *
 * <p>Threading: virtual threads; a load blocks its request until the version is ready or failed.
 */
public final class AdminRoutes {
    /** The body of {@code PUT /admin/models/{name}/serving}; a null version follows the latest. */
    public record Serving(String version) {
    }

    private static final Requirement MANAGE = Requirement.permission(ModelAccess.MANAGE);

    private AdminRoutes() {
    }

    public static void install(Barista app, Models models) {
        String tag = "model admin";
        app.post("/admin/models/{name}/versions/{version}/load", ctx -> {
            String name = ctx.pathParam("name");
            String version = ctx.pathParam("version");
            if (!Models.isValidName(name) || !Models.isValidName(version)) {
                throw new HttpError.NotFound("no model " + name + " version " + version
                        + " (names are letters, digits, '.', '_' and '-')");
            }
            Path file = models.directory().resolve(name).resolve(version).resolve("model.onnx");
            if (!Files.isRegularFile(file)) {
                throw new HttpError.NotFound("no file " + name + "/" + version + "/model.onnx in the model directory");
            }
            try {
                return ModelRoutes.version(models.load(name, version, file));
            } catch (ModelLoadException | IllegalArgumentException e) {
                // the version (if any) that served before still serves
                throw new HttpError(Status.UNPROCESSABLE_CONTENT_422, "could not load " + name + " v" + version + ": " + e.getMessage());
            }
        }).summary("Load or reload a version from the model directory").tags(tag).requires(MANAGE);
        app.post("/admin/models/{name}/versions/{version}/unload", ctx -> {
            models.unload(ctx.pathParam("name"), ctx.pathParam("version"));
            return Response.noContent();
        }).summary("Unload a version; its queued requests finish first").tags(tag).requires(MANAGE);
        app.put("/admin/models/{name}/serving", Serving.class, (ctx, body) -> {
            String name = ctx.pathParam("name");
            models.serve(name, body.version());
            ModelVersion v = models.serving(name);
            return Map.of("name", name, "serving", v == null ? "" : v.version(), "pinned", body.version() != null
                    && v != null && v.state() == ModelState.READY);
        }).summary("Pin the serving version (null: follow the latest)").tags(tag).requires(MANAGE);
    }
}
