package barista.admin;

import barista.Barista;
import barista.Response;
import barista.SetupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The files the admin pages load: Pico CSS, htmx and uPlot from their webjars at
 * {@code /webjars/NAME/VERSION/FILE}, and the admin's own script and style at
 * {@code /admin/static/}. Nothing comes from a CDN, so the pages work offline and under
 * {@code default-src 'self'}.
 *
 * <p>The router matches whole path segments, so each file gets its own hidden route, as
 * barista-openapi does for the docs' webjars (a different set of files: there is no overlap).
 * A file is read from the class path on its first request and kept; the URL holds the version,
 * so browsers may cache it for a day.
 *
 * <p>Threading: routes are declared while the app installs extensions; the handlers run on any
 * thread, and two first requests racing both read the same bytes.
 */
final class Assets {
    static final String ADMIN_JS = "/admin/static/admin.js";
    static final String ADMIN_CSS = "/admin/static/admin.css";
    static final String FAVICON = "/admin/static/favicon.svg";
    private static final String JAVASCRIPT = "application/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final ClassLoader LOADER = Assets.class.getClassLoader();

    private final String picoCss;
    private final String htmxJs;
    private final String uplotJs;
    private final String uplotCss;

    Assets(Barista app) {
        picoCss = webjar(app, "picocss__pico", "css/pico.classless.min.css", CSS);
        htmxJs = webjar(app, "htmx.org", "dist/htmx.min.js", JAVASCRIPT);
        uplotJs = webjar(app, "uplot", "dist/uPlot.iife.min.js", JAVASCRIPT);
        uplotCss = webjar(app, "uplot", "dist/uPlot.min.css", CSS);
        serve(app, ADMIN_JS, "barista/admin/static/admin.js", JAVASCRIPT, "no-cache");
        serve(app, ADMIN_CSS, "barista/admin/static/admin.css", CSS, "no-cache");
        serve(app, FAVICON, "barista/admin/static/favicon.svg", "image/svg+xml", "public, max-age=86400");
    }

    String picoCss() {
        return picoCss;
    }

    String htmxJs() {
        return htmxJs;
    }

    String uplotJs() {
        return uplotJs;
    }

    String uplotCss() {
        return uplotCss;
    }

    /** Serves one webjar file; the version comes from the jar, so a version bump needs no code change. */
    private static String webjar(Barista app, String artifactId, String file, String contentType) {
        String pom = "META-INF/maven/org.webjars.npm/" + artifactId + "/pom.properties";
        String version;
        try (InputStream in = LOADER.getResourceAsStream(pom)) {
            if (in == null) {
                throw new SetupException("org.webjars.npm:" + artifactId + " is not on the class path; the admin needs it");
            }
            Properties p = new Properties();
            p.load(in);
            version = p.getProperty("version").trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
        String url = "/webjars/" + artifactId + "/" + version + "/" + file;
        serve(app, url, "META-INF/resources" + url, contentType, "public, max-age=86400");
        return url;
    }

    private static void serve(Barista app, String url, String resource, String contentType, String cacheControl) {
        if (LOADER.getResource(resource) == null) {
            throw new SetupException("the admin's file " + resource + " is missing from the class path");
        }
        Response[] cached = new Response[1];
        app.get(url, ctx -> {
            Response r = cached[0];
            if (r == null) {
                r = Response.of(contentType, read(resource)).withHeader("Cache-Control", cacheControl);
                cached[0] = r;
            }
            return r;
        }).hidden();
    }

    private static byte[] read(String resource) {
        try (InputStream in = LOADER.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " disappeared from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
