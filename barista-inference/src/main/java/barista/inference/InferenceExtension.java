package barista.inference;

import barista.Barista;
import barista.data.Database;
import barista.inference.http.AdminRoutes;
import barista.inference.http.FeedbackRoutes;
import barista.inference.http.KServeRoutes;
import barista.inference.http.ModelRoutes;
import barista.inference.log.PredictionLog;
import barista.spi.Extension;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves models with no code: when the app has a model directory ({@code barista.models.dir},
 * default {@code models}) or made a registry in code, this adds the model endpoints, the Open
 * Inference Protocol, feedback for the prediction log and, if {@code barista.models.admin=true},
 * the admin API. An app with neither gets no model routes. {@code barista.models.enabled=false}
 * turns it all off; {@link ModelAccess} says who may call models.
 */
public final class InferenceExtension implements Extension {
    @Override
    public void install(Barista app) {
        if (!app.config().flag("barista.models.enabled", true)) {
            return;
        }
        Path dir = Path.of(app.config().property("barista.models.dir", "models"));
        if (!Files.isDirectory(dir) && !app.hasService(Models.class)) {
            System.getLogger("barista.models").log(System.Logger.Level.INFO, "no model directory at {0} "
                    + "(barista.models.dir) and no models made in code: no model routes", dir.toAbsolutePath());
            return;
        }
        Models models = Models.of(app);
        ModelAccess access = models.access();
        ModelRoutes.install(app, models, access);
        KServeRoutes.install(app, models, access);
        if (app.hasService(PredictionLog.class)) {
            FeedbackRoutes.install(app, PredictionLog.of(app));
        }
        if (app.config().flag("barista.models.admin", false)) {
            AdminRoutes.install(app, models);
        }
    }

    /** The prediction log's database classes. */
    @Override
    public void warmUp() {
        Database.warmUp();
    }
}
