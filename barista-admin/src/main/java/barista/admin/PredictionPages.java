package barista.admin;

import barista.Barista;
import barista.Context;
import barista.Response;
import barista.admin.html.Page;
import barista.inference.Models;
import barista.inference.log.LoggedPrediction;
import barista.inference.log.PredictionLog;
import barista.inference.log.PredictionPage;
import barista.inference.log.PredictionQuery;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /admin/predictions}: the prediction log, newest first, filtered by model, version,
 * principal, time, text (a request id, or a substring of the input or output) and whether
 * feedback was given; and {@code /admin/predictions.csv}, every match with the same filters as
 * a download. Needs {@code predictions:read}.
 *
 * <p>Paging is by keyset: "Older" links carry {@code before=<last id>}, and each page is one
 * {@code ... WHERE id < ? ORDER BY id DESC LIMIT 51}, so a page costs the same on the millionth
 * row as on the first. There is no total count and no page number, because either would scan
 * the table.
 *
 * <p>The export is streamed ({@link Response#stream}): it is written as it is read, a thousand
 * rows at a time, so a million-row log downloads in flat memory and without holding a database
 * connection while the browser reads. A database that is down when the export starts gets the
 * usual 503; a failure halfway cuts the download, which the browser shows as failed, rather
 * than ending it as if it were whole.
 *
 * <p>Threading: virtual threads; both routes block on the database.
 */
final class PredictionPages {
    private static final int PAGE = 50;
    private static final int SHOWN = 120;

    private final Barista app;
    private final Layout layout;

    PredictionPages(Barista app, Layout layout) {
        this.app = app;
        this.layout = layout;
    }

    void install(Guard guard) {
        guard.get(app, "/admin/predictions", Permissions.PREDICTIONS_READ, this::page);
        guard.download(app, "/admin/predictions.csv", Permissions.PREDICTIONS_READ, this::csv);
    }

    /** A filter that can't be read; its message is for the person who typed it. */
    static final class BadFilter extends RuntimeException {
        BadFilter(String message) {
            super(message, null, false, false);
        }
    }

    /** The filters as typed, kept as text so the form shows them back and links repeat them. */
    record Filters(String model, String version, String principal, String from, String to, String q, String feedback,
                   AdminTime time, String unknownZone) {
        static Filters of(Visit v) {
            Context ctx = v.ctx();
            return new Filters(trim(ctx.query("model")), trim(ctx.query("version")), trim(ctx.query("principal")),
                    trim(ctx.query("from")), trim(ctx.query("to")), trim(ctx.query("q")), trim(ctx.query("feedback")),
                    v.time(), AdminTime.unknownZone(ctx));
        }

        /**
         * The query for the log.
         *
         * @throws BadFilter for a time that isn't one, a {@code tz} that names no zone, or a feedback
         *                   filter other than {@code yes} or {@code no}: a typo must not widen or move
         *                   a search or an export
         */
        PredictionQuery query() {
            if (unknownZone != null) {
                throw new BadFilter("Unknown time zone: " + unknownZone + " (use a name like Europe/Paris, or UTC).");
            }
            Boolean hasFeedback = switch (feedback == null ? "" : feedback) {
                case "" -> null;
                case "yes" -> Boolean.TRUE;
                case "no" -> Boolean.FALSE;
                default -> throw new BadFilter("Feedback must be yes, no or left empty.");
            };
            try {
                return PredictionQuery.all().withModel(model).withVersion(version).withPrincipal(principal)
                        .withTime(time(from, false), time(to, true)).withText(q).withFeedback(hasFeedback)
                        .withLimit(PAGE);
            } catch (DateTimeParseException e) {
                throw new BadFilter("Times must look like 2025-01-31T13:45 (" + time.label() + ").");
            }
        }

        /** {@code model=iris&...}, for links; empty fields are left out. */
        String queryString() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("version", version);
            m.put("principal", principal);
            m.put("from", from);
            m.put("to", to);
            m.put("q", q);
            m.put("feedback", feedback);
            if (from != null || to != null) {
                m.put("tz", time.zone().getId()); // typed times mean the same rows to whoever opens the link
            }
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> {
                if (v != null) {
                    parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            return String.join("&", parts);
        }

        private Instant time(String text, boolean upper) {
            return text == null ? null : time.parse(text, upper);
        }

        private static String trim(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    private Object page(Visit v) {
        Filters f = Filters.of(v);
        String error = null;
        PredictionPage page = null;
        Long before = parseLong(v.ctx().query("before"));
        try {
            page = PredictionLog.of(app).search(f.query().withBefore(before));
        } catch (BadFilter e) {
            error = e.getMessage();
        }
        PredictionPage result = page;
        String problem = error;
        return layout.page(v, problem == null ? 200 : 422, "Predictions", "/admin/predictions", p -> {
            filters(p, f);
            if (problem != null) {
                Layout.notice(p, problem, true);
                return;
            }
            String qs = f.queryString();
            p.open("div", "class", "pager");
            p.el("a", "Export CSV", "href", "/admin/predictions.csv" + (qs.isEmpty() ? "" : "?" + qs),
                    "id", "export", "download", "", "role", "button", "class", "secondary",
                    "title", "Every match, newest first");
            if (before != null) {
                p.el("a", "← Newest", "href", "/admin/predictions" + (qs.isEmpty() ? "" : "?" + qs), "id", "newest");
            }
            p.close();
            if (result.items().isEmpty()) {
                p.el("p", before == null ? "No predictions match." : "No older predictions match.");
            } else {
                table(p, result.items(), f.time());
            }
            if (result.next() != null) {
                p.open("p", "class", "pager");
                p.el("a", "Older →", "href", "/admin/predictions?" + (qs.isEmpty() ? "" : qs + "&") + "before="
                        + result.next(), "id", "older", "rel", "next");
                p.close();
            }
        });
    }

    private void filters(Page p, Filters f) {
        TreeSet<String> models = new TreeSet<>();
        if (app.hasService(Models.class)) {
            models.addAll(Models.of(app).names());
        }
        if (f.model() != null) {
            models.add(f.model());
        }
        p.open("details", "open", "");
        p.el("summary", "Filters");
        p.getForm("/admin/predictions", "id", "filters", "role", "search");
        p.open("div", "class", "filters");
        p.open("label").text("Model").open("select", "name", "model");
        p.el("option", "any", "value", "");
        for (String m : models) {
            p.el("option", m, "value", m, "selected", m.equals(f.model()) ? "" : null);
        }
        p.close().close();
        input(p, "Version", "version", f.version(), "text");
        input(p, "Principal", "principal", f.principal(), "text");
        input(p, "From (" + f.time().label() + ")", "from", f.from(), "datetime-local");
        input(p, "To (" + f.time().label() + ")", "to", f.to(), "datetime-local");
        input(p, "Request id or text", "q", f.q(), "search");
        p.hidden("tz", f.time().zone().getId());
        p.open("label").text("Feedback").open("select", "name", "feedback");
        p.el("option", "any", "value", "");
        p.el("option", "with feedback", "value", "yes", "selected", "yes".equals(f.feedback()) ? "" : null);
        p.el("option", "without feedback", "value", "no", "selected", "no".equals(f.feedback()) ? "" : null);
        p.close().close();
        p.el("button", "Search", "type", "submit");
        p.close();
        p.close();
        p.close();
    }

    private static void input(Page p, String label, String name, String value, String type) {
        p.open("label").text(label).open("input", "name", name, "type", type, "value", value).close();
    }

    private static void table(Page p, List<LoggedPrediction> rows, AdminTime time) {
        p.open("div", "class", "scroll");
        p.open("table", "id", "predictions");
        p.open("thead").open("tr");
        for (String h : List.of("Request id", "Time (" + time.label() + ")", "Model", "Latency ms", "Principal", "Input",
                "Output", "Feedback")) {
            p.el("th", h, "scope", "col");
        }
        p.close().close().open("tbody");
        for (LoggedPrediction r : rows) {
            p.open("tr", "data-id", Long.toString(r.id()));
            p.open("td").el("code", r.requestId()).close();
            p.el("td", time.format(r.time()));
            p.el("td", r.model() + "@" + r.version());
            p.el("td", String.format(Locale.ROOT, "%.2f", r.latencyMicros() / 1000.0));
            p.el("td", r.principal());
            p.open("td").el("code", shorten(r.input()), "class", "cell", "title", shorten(r.input(), 2000)).close();
            p.open("td").el("code", shorten(r.output()), "class", "cell", "title", shorten(r.output(), 2000)).close();
            p.el("td", r.feedback() == null ? "" : shorten(r.feedback()),
                    "title", r.feedbackBy() == null ? null : "given by " + r.feedbackBy());
            p.close();
        }
        p.close().close().close();
    }

    private Object csv(Visit v) {
        Filters f = Filters.of(v);
        PredictionQuery q;
        try {
            q = f.query();
        } catch (BadFilter e) {
            throw new barista.http.HttpError.BadRequest(e.getMessage());
        }
        PredictionLog log = PredictionLog.of(app);
        String name = "predictions-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + ".csv";
        return Response.stream("text/csv; charset=utf-8", out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 32 * 1024);
            log.writeCsv(q, csv);
            csv.flush();
        }).withHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .withHeader("Cache-Control", "no-store");
    }

    static String shorten(String s) {
        return shorten(s, SHOWN);
    }

    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
