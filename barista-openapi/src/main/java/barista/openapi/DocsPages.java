package barista.openapi;

import barista.http.Html;
/**
 * The HTML of the two docs pages. Each loads its script and styles from this server's own
 * {@code /webjars/} routes, so the pages work offline and under {@link #CSP}, which allows only
 * same-origin resources (plus the inline start-up script, inline styles, {@code data:} images
 * and ReDoc's {@code blob:} worker).
 */
final class DocsPages {
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self' 'unsafe-inline'; worker-src 'self' blob:";

    private DocsPages() {
    }

    /**
     * Swagger UI. {@code validatorUrl: null} stops it sending the document to
     * validator.swagger.io for its badge.
     *
     * @param favicon the icon's URL, or {@code null} for none
     */
    static String swaggerUi(String title, String specUrl, String script, String css, String favicon) {
        return head(title + " - Swagger UI")
                + "<link rel=\"stylesheet\" href=\"" + Html.escape(css) + "\">\n"
                + (favicon == null ? "" : "<link rel=\"icon\" type=\"image/png\" href=\"" + Html.escape(favicon) + "\">\n")
                + "</head>\n<body>\n<div id=\"swagger-ui\"></div>\n"
                + "<script src=\"" + Html.escape(script) + "\"></script>\n"
                + "<script>\nwindow.ui = SwaggerUIBundle({\n"
                + "  url: " + jsString(specUrl) + ",\n"
                + "  dom_id: '#swagger-ui',\n"
                + "  deepLinking: true,\n"
                + "  validatorUrl: null,\n"
                + "  presets: [SwaggerUIBundle.presets.apis],\n"
                + "  layout: 'BaseLayout'\n"
                + "});\n</script>\n</body>\n</html>\n";
    }

    static String redoc(String title, String specUrl, String script) {
        return head(title + " - ReDoc")
                + "<style>body { margin: 0; padding: 0; }</style>\n"
                + "</head>\n<body>\n"
                + "<redoc spec-url=\"" + Html.escape(specUrl) + "\"></redoc>\n"
                + "<script src=\"" + Html.escape(script) + "\"></script>\n"
                + "</body>\n</html>\n";
    }

    private static String head(String title) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n";
    }

    /** A JavaScript string literal that cannot end the script element or the string early. */
    private static String jsString(String text) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            if (c == '\'' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }
}
