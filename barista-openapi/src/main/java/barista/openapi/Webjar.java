package barista.openapi;

import barista.Barista;
import barista.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A webjar on the class path (a front-end library packaged as a jar under
 * {@code META-INF/resources/webjars/NAME/VERSION/}), whose files this module serves itself so the
 * docs pages work offline and under a strict Content-Security-Policy, with no CDN.
 *
 * <p>The router matches whole segments only, so each file a page needs gets its own route
 * rather than one {@code /webjars/*} route; nothing else in the jar is reachable.
 *
 * <p>Threading: {@link #serve} runs while the app installs its extensions; the routes it declares
 * run on any thread and read the file at most once or twice (see {@code Asset}).
 */
final class Webjar {
    static final String JAVASCRIPT = "application/javascript; charset=utf-8";
    static final String CSS = "text/css; charset=utf-8";
    static final String PNG = "image/png";

    private static final ClassLoader LOADER = Webjar.class.getClassLoader();

    private final String name;
    private final String version;

    private Webjar(String name, String version) {
        this.name = name;
        this.version = version;
    }

    /**
     * The webjar with these Maven coordinates, or {@code null} if it is not on the class path.
     * Its version comes from the jar itself, so a version bump in the build needs no code change.
     */
    static Webjar find(String groupId, String artifactId) {
        String pom = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = LOADER.getResourceAsStream(pom)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version");
            return version == null ? null : new Webjar(artifactId, version.trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }

    /**
     * Declares a hidden {@code GET} route for one file of the webjar, cached by browsers for a day
     * (the version in the URL changes with the content).
     *
     * @param file a path inside the webjar's version folder ({@code bundles/redoc.standalone.js})
     * @return the file's URL, or {@code null} when the jar has no such file and no route was declared
     */
    String serve(Barista app, String file, String contentType) {
        String url = "/webjars/" + name + "/" + version + "/" + file;
        String resource = "META-INF/resources" + url;
        if (LOADER.getResource(resource) == null) {
            return null;
        }
        Asset asset = new Asset(resource, contentType);
        app.get(url, ctx -> asset.response()).hidden();
        return url;
    }

    /**
     * One file, read on its first request and kept: a docs page pulls a few megabytes of script
     * that an app whose docs nobody opens should not hold. Two first requests racing both read
     * the same bytes; either result is kept.
     */
    private static final class Asset {
        private final String resource;
        private final String contentType;
        private volatile Response response;

        Asset(String resource, String contentType) {
            this.resource = resource;
            this.contentType = contentType;
        }

        Response response() {
            Response r = response;
            if (r == null) {
                r = Response.of(contentType, read()).withHeader("Cache-Control", "public, max-age=86400");
                response = r;
            }
            return r;
        }

        private byte[] read() {
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
}
