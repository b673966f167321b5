package barista.admin;

import barista.Barista;
import barista.SetupException;
import barista.http.StaticFile;
import barista.http.Webjar;

/**
 * The files the admin pages load: Pico CSS and uPlot from their webjars at
 * {@code /webjars/NAME/VERSION/FILE}, and the admin's own script and style at
 * {@code /admin/static/}. Nothing comes from a CDN, so the pages work offline and under
 * {@code default-src 'self'}.
 *
 * <p>Each file gets its own hidden route ({@link StaticFile}), as barista-openapi does for the
 * docs' webjars (a different set of files: there is no overlap); a webjar's URL holds its
 * version, so browsers may cache it for a day.
 *
 * <p>Threading: routes are declared while the app installs extensions.
 */
final class Assets {
    static final String ADMIN_JS = "/admin/static/admin.js";
    static final String ADMIN_CSS = "/admin/static/admin.css";
    static final String FAVICON = "/admin/static/favicon.svg";

    private final String picoCss;
    private final String uplotJs;
    private final String uplotCss;

    Assets(Barista app) {
        picoCss = webjar(app, "picocss__pico", "css/pico.classless.min.css", StaticFile.CSS);
        uplotJs = webjar(app, "uplot", "dist/uPlot.iife.min.js", StaticFile.JAVASCRIPT);
        uplotCss = webjar(app, "uplot", "dist/uPlot.min.css", StaticFile.CSS);
        serve(app, ADMIN_JS, "barista/admin/static/admin.js", StaticFile.JAVASCRIPT, "no-cache");
        serve(app, ADMIN_CSS, "barista/admin/static/admin.css", StaticFile.CSS, "no-cache");
        serve(app, FAVICON, "barista/admin/static/favicon.svg", StaticFile.SVG, "public, max-age=86400");
    }

    String picoCss() {
        return picoCss;
    }

    String uplotJs() {
        return uplotJs;
    }

    String uplotCss() {
        return uplotCss;
    }

    /** Serves one webjar file; the version comes from the jar, so a version bump needs no code change. */
    private static String webjar(Barista app, String artifactId, String file, String contentType) {
        Webjar jar = Webjar.find("org.webjars.npm", artifactId);
        if (jar == null) {
            throw new SetupException("org.webjars.npm:" + artifactId + " is not on the class path; the admin needs it");
        }
        String url = jar.serve(app, file, contentType);
        if (url == null) {
            throw new SetupException("the admin's file " + file + " is missing from org.webjars.npm:" + artifactId);
        }
        return url;
    }

    private static void serve(Barista app, String url, String resource, String contentType, String cacheControl) {
        if (!StaticFile.serve(app, url, resource, contentType, cacheControl)) {
            throw new SetupException("the admin's file " + resource + " is missing from the class path");
        }
    }
}
