package barista.http;

/**
 * Text made safe to place in HTML, for every module that writes a page (error pages, the API
 * docs, later the admin). One function, so there is one place to get escaping right.
 */
public final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values; {@code null} becomes "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
