package barista.observe;

import java.util.Locale;

/**
 * The text formats {@code /metrics} serves, and the choice between them from a request's
 * {@code Accept} header. Prometheus asks for OpenMetrics with a higher quality than plain text;
 * curl and browsers ask for neither and get the Prometheus text format.
 */
enum ScrapeFormat {
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS_TEXT("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private static final String OPENMETRICS = "application/openmetrics-text";
    private static final String TEXT = "text/plain";

    private final String contentType;

    ScrapeFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /**
     * OpenMetrics when {@code accept} lists {@code application/openmetrics-text} with a quality
     * above zero and at least that of {@code text/plain}; the Prometheus text format otherwise,
     * including for a missing header.
     */
    static ScrapeFormat forAccept(String accept) {
        if (accept == null) {
            return PROMETHEUS_TEXT;
        }
        double openMetrics = 0;
        double text = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals(OPENMETRICS)) {
                openMetrics = Math.max(openMetrics, quality(parts));
            } else if (type.equals(TEXT)) {
                text = Math.max(text, quality(parts));
            }
        }
        return openMetrics > 0 && openMetrics >= text ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
    }

    /** The {@code q} parameter of a media range: 1 when absent, 0 when unreadable. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
