package barista.openapi;

import barista.Barista;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Compile-only: calls every public member of this module, so an API break fails the build. */
final class PublicApiTour {
    private PublicApiTour() {
    }

    static void tour(Barista app) {
        ObjectNode document = OpenApiDocument.build(app.config(), app.routes());
        String version = OpenApiDocument.OPENAPI_VERSION;
        String enabled = OpenApiExtension.ENABLED;
        String path = OpenApiExtension.DOCUMENT_PATH;
        new OpenApiExtension().install(app);
        System.out.println(document + version + enabled + path);
    }
}
