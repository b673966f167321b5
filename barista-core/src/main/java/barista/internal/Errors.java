package barista.internal;

import barista.http.Html;
import barista.http.HttpError;
import barista.http.Problem;
import barista.json.Json;
import barista.spi.HttpRequest;
import barista.spi.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every error leaves here as RFC 9457 problem+json. Mapped errors ({@link HttpError}) keep
 * their status and detail; anything else is a 500 whose detail hides the cause outside dev
 * mode and whose request id matches the ERROR log line. In dev mode a browser gets an HTML page
 * with the stack trace, any other client the trace inside the problem.
 *
 * <p>Threading: stateless; runs on the request's thread, and logging never blocks it for long.
 */
final class Errors {
    private static final System.Logger LOG = System.getLogger("barista");

    private Errors() {
    }

    static Reply problem(Problem p, Map<String, String> headers) {
        Reply reply = new Reply(p.status()).body(Json.write(p), Problem.MEDIA_TYPE);
        headers.forEach(reply::header);
        return reply;
    }

    static Reply mapped(HttpError e, HttpRequest request) {
        return problem(e.problem().withInstance(request.path()), e.headers());
    }

    static Reply unhandled(Throwable t, HttpRequest request, String routeName, String requestId, boolean devMode) {
        LOG.log(System.Logger.Level.ERROR, "request_id=" + requestId + " unhandled exception in " + routeName, t);
        Problem p = Problem.of(500, devMode ? t.toString()
                        : "the server failed to answer; quote request id " + requestId + " when reporting it")
                .withInstance(request.path()).withRequestId(requestId);
        if (!devMode) {
            return problem(p, Map.of());
        }
        List<String> trace = traceOf(t);
        String accept = request.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            return new Reply(500).body(page(p, trace).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        }
        return problem(p.withTrace(trace), Map.of());
    }

    private static List<String> traceOf(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        List<String> lines = new ArrayList<>();
        for (String line : sw.toString().split("\n")) {
            lines.add(line.replace("\t", "    ").stripTrailing());
            if (lines.size() == 80) {
                lines.add("...");
                break;
            }
        }
        return lines;
    }

    private static String page(Problem p, List<String> trace) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!doctype html><html><head><meta charset=utf-8><title>500 ").append(Html.escape(p.detail()))
                .append("</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}")
                .append("pre{background:#f6f6f6;padding:1rem;overflow:auto}</style></head><body>")
                .append("<h1>500 Internal Server Error</h1><p><b>").append(Html.escape(p.detail()))
                .append("</b></p><p>request id <code>").append(Html.escape(p.requestId())).append("</code> at <code>")
                .append(Html.escape(p.instance())).append("</code> (dev mode: this page is never shown in production)</p><pre>");
        for (String line : trace) {
            sb.append(Html.escape(line)).append('\n');
        }
        return sb.append("</pre></body></html>").toString();
    }
}
