package barista.http;

import barista.Barista;
import barista.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One file from the class path served at one URL: a page's script, style sheet or icon, so
 * pages work offline and under {@code default-src 'self'}, with no CDN.
 *
 * <p>The router matches whole segments only, so each file gets its own hidden {@code GET} route
 * rather than a wildcard; nothing else on the class path is reachable. The file is read on its
 * first request and kept: a docs page pulls megabytes of script that an app whose docs nobody
 * opens should not hold.
 *
 * <p>Threading: declare while the app installs; the route runs on any thread, and two first
 * requests racing both read the same bytes (either result is kept).
 */
public final class StaticFile {
    public static final String JAVASCRIPT = "application/javascript; charset=utf-8";
    public static final String CSS = "text/css; charset=utf-8";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    private static final ClassLoader LOADER = StaticFile.class.getClassLoader();

    private final String resource;
    private final String contentType;
    private final String cacheControl;
    private volatile Response response;

    private StaticFile(String resource, String contentType, String cacheControl) {
        this.resource = resource;
        this.contentType = contentType;
        this.cacheControl = cacheControl;
    }

    /**
     * Declares a hidden {@code GET url} answering the class-path {@code resource}.
     *
     * @return false, declaring nothing, when the class path has no such resource
     */
    public static boolean serve(Barista app, String url, String resource, String contentType, String cacheControl) {
        if (LOADER.getResource(resource) == null) {
            return false;
        }
        StaticFile file = new StaticFile(resource, contentType, cacheControl);
        app.get(url, ctx -> file.response()).hidden();
        return true;
    }

    /** Opens a class-path resource, or returns {@code null} when there is none. */
    static InputStream open(String resource) {
        return LOADER.getResourceAsStream(resource);
    }

    private Response response() {
        Response r = response;
        if (r == null) {
            r = Response.of(contentType, read()).withHeader("Cache-Control", cacheControl);
            response = r;
        }
        return r;
    }

    private byte[] read() {
        try (InputStream in = open(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " disappeared from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
