package barista.http;

import barista.Barista;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A webjar on the class path (a front-end library packaged as a jar under
 * {@code META-INF/resources/webjars/NAME/VERSION/}), whose files the docs and the admin serve
 * themselves with {@link StaticFile}.
 *
 * <p>Threading: used while the app installs its extensions.
 */
public final class Webjar {
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
    public static Webjar find(String groupId, String artifactId) {
        String pom = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = StaticFile.open(pom)) {
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
    public String serve(Barista app, String file, String contentType) {
        String url = "/webjars/" + name + "/" + version + "/" + file;
        return StaticFile.serve(app, url, "META-INF/resources" + url, contentType, "public, max-age=86400") ? url : null;
    }
}
