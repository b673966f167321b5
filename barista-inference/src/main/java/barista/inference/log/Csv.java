package barista.inference.log;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 cells for the log's CSV export. A cell a spreadsheet would run as a formula (it
 * starts with {@code = + - @}, tab or CR, also after leading spaces) gets a leading {@code '}: the log holds what clients
 * sent, and an export must not turn a client's input into code on an analyst's machine.
 */
final class Csv {
    private Csv() {
    }

    static void row(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        String start = v.stripLeading();
        char first = start.isEmpty() ? v.charAt(0) : start.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || v.charAt(0) == '\t' || v.charAt(0) == '\r') {
            v = "'" + v;
        }
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
