package barista.admin.html;

import barista.http.Html;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one way the admin writes HTML, built so that the safe thing is the only easy thing:
 * <ul>
 *   <li>every text and attribute value is escaped; {@link #raw} is the single way to write
 *       markup as is, for constants in this module's code;</li>
 *   <li>a tag is closed by {@link #close()}, so nesting always balances, and {@link #finish()}
 *       refuses a page left open;</li>
 *   <li>a {@code POST} form opens only through {@link #postForm}, which always writes the CSRF
 *       field; {@code open("form")} is refused;</li>
 *   <li>no inline script or style can be written (the pages run under
 *       {@code Content-Security-Policy: default-src 'self'}): {@code <script>} only by
 *       {@link #script(String)} with a local {@code src}, no {@code <style>}, no {@code style} or
 *       {@code on*} attributes;</li>
 *   <li>{@code href}, {@code src} and {@code action} take local URLs only ({@code /...},
 *       {@code ?...} or {@code #...}), so no value can become {@code javascript:} or lead off-site.</li>
 * </ul>
 *
 * <pre>{@code
 * Page p = new Page(csrf);
 * p.open("table").open("tr").el("td", user.name()).close().close();
 * }</pre>
 *
 * <p>Threading: one page is written by one thread; not thread-safe.
 */
public final class Page {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "input", "link", "meta", "wbr");
    private static final Set<String> REFUSED = Set.of("script", "style", "form", "iframe", "object", "embed", "base");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction");

    private final StringBuilder out = new StringBuilder(8192);
    private final Deque<String> open = new ArrayDeque<>();
    private final String csrfToken;

    /** @param csrfToken the token every {@link #postForm} carries; {@code null} if this page has no forms */
    public Page(String csrfToken) {
        this.csrfToken = csrfToken;
        out.append("<!doctype html>");
    }

    /** Opens {@code <tag name="value" ...>}; attributes come in name/value pairs, a null value is left out. */
    public Page open(String tag, String... attributes) {
        checkTag(tag);
        start(tag, attributes);
        if (!VOID.contains(tag)) {
            open.push(tag);
        }
        return this;
    }

    /** Closes the innermost open tag. */
    public Page close() {
        if (open.isEmpty()) {
            throw new IllegalStateException("no open tag to close");
        }
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Writes {@code <tag ...>text</tag>}, the text escaped. */
    public Page el(String tag, Object text, String... attributes) {
        open(tag, attributes);
        text(text);
        if (!VOID.contains(tag)) {
            close();
        }
        return this;
    }

    /** Writes escaped text; {@code null} writes nothing. */
    public Page text(Object value) {
        if (value != null) {
            out.append(Html.escape(value.toString()));
        }
        return this;
    }

    /**
     * Writes markup as is. Only for constants in this module's source (an entity, a fixed
     * fragment); never for anything that came from a request, the database or a model.
     */
    public Page raw(String trustedMarkup) {
        out.append(trustedMarkup);
        return this;
    }

    /**
     * Opens {@code <form method="post" action="...">} and writes the hidden {@code _csrf} field
     * in it; close it with {@link #close()}.
     */
    public Page postForm(String action, String... attributes) {
        if (csrfToken == null) {
            throw new IllegalStateException("this page was made without a CSRF token, so it cannot hold a POST form");
        }
        checkAttributes(attributes);
        out.append("<form method=\"post\"");
        attribute("action", action);
        attributes(attributes);
        out.append('>');
        open.push("form");
        hidden("_csrf", csrfToken);
        return this;
    }

    /** Opens {@code <form method="get" action="...">}, for filters and searches; no token needed. */
    public Page getForm(String action, String... attributes) {
        checkAttributes(attributes);
        out.append("<form method=\"get\"");
        attribute("action", action);
        attributes(attributes);
        out.append('>');
        open.push("form");
        return this;
    }

    /** A hidden input. */
    public Page hidden(String name, String value) {
        return open("input", "type", "hidden", "name", name, "value", value);
    }

    /** {@code <script src="..." defer></script>}: the only script a page can have, from this server. */
    public Page script(String src) {
        out.append("<script");
        attribute("src", src);
        out.append(" defer></script>");
        return this;
    }

    /** The page's HTML; fails if a tag is still open. */
    public String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed tags: " + open);
        }
        return out.toString();
    }

    private void start(String tag, String[] attributes) {
        checkAttributes(attributes);
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
    }

    private void attributes(String[] attributes) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                attribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    private void attribute(String name, String value) {
        if (URL_ATTRIBUTES.contains(name) && !isLocal(value)) {
            throw new IllegalArgumentException(name + " must be a local URL (/..., ?... or #...), got: " + value);
        }
        out.append(' ').append(name);
        if (!value.isEmpty() || !isBoolean(name)) {
            out.append("=\"").append(Html.escape(value)).append('"');
        }
    }

    private static boolean isBoolean(String name) {
        return switch (name) {
            case "checked", "selected", "disabled", "required", "open", "multiple", "readonly", "autofocus",
                 "novalidate", "hidden" -> true;
            default -> false;
        };
    }

    /** A URL that stays on this server: an absolute path (not {@code //host}), a query or a fragment. */
    static boolean isLocal(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        char c = url.charAt(0);
        if (c == '?' || c == '#') {
            return true;
        }
        return c == '/' && !url.startsWith("//") && url.indexOf('\\') < 0;
    }

    private static void checkTag(String tag) {
        if (!NAME.matcher(tag).matches()) {
            throw new IllegalArgumentException("not a tag name: " + tag);
        }
        if (REFUSED.contains(tag)) {
            throw new IllegalArgumentException("<" + tag + "> is written only through its own method, if at all");
        }
    }

    private static void checkAttributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            if (!NAME.matcher(name).matches() || name.startsWith("on") || name.equals("style")
                    || name.equals("srcdoc")) {
                throw new IllegalArgumentException("attribute not allowed: " + name);
            }
        }
    }
}
