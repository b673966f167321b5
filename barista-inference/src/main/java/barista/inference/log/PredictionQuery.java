package barista.inference.log;

import java.time.Instant;

/**
 * What to find in the log. Every field is optional ({@code null} matches all); values are
 * always bound as parameters, so quotes and SQL in them are searched for, never run.
 *
 * @param model       exact model name
 * @param version     exact version
 * @param principal   a caller: a user name matches that user's own calls and those made with any
 *                    of their API keys ({@code alice/key:<id>}); a whole {@code alice/key:<id>}
 *                    matches that key's; case-sensitive, as user names are
 * @param from        entries at or after this time
 * @param to          entries before this time
 * @param text        a request id (exact), or text contained in the input or output JSON, in
 *                    any case (of ASCII letters on SQLite; of every letter on PostgreSQL)
 * @param hasFeedback {@code true} only entries with feedback, {@code false} only those without
 * @param before      keyset cursor: only entries with an id below this ({@link PredictionPage#next})
 * @param limit       page size, 1 to {@link #MAX_LIMIT}
 */
public record PredictionQuery(String model, String version, String principal, Instant from, Instant to, String text,
                              Boolean hasFeedback, Long before, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public PredictionQuery {
        model = blankToNull(model);
        version = blankToNull(version);
        principal = blankToNull(principal);
        text = blankToNull(text);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Everything, newest first, one page of {@value #DEFAULT_LIMIT}. */
    public static PredictionQuery all() {
        return new PredictionQuery(null, null, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public PredictionQuery withModel(String name) {
        return new PredictionQuery(name, version, principal, from, to, text, hasFeedback, before, limit);
    }

    public PredictionQuery withVersion(String v) {
        return new PredictionQuery(model, v, principal, from, to, text, hasFeedback, before, limit);
    }

    public PredictionQuery withPrincipal(String name) {
        return new PredictionQuery(model, version, name, from, to, text, hasFeedback, before, limit);
    }

    public PredictionQuery withTime(Instant fromTime, Instant toTime) {
        return new PredictionQuery(model, version, principal, fromTime, toTime, text, hasFeedback, before, limit);
    }

    public PredictionQuery withText(String search) {
        return new PredictionQuery(model, version, principal, from, to, search, hasFeedback, before, limit);
    }

    public PredictionQuery withFeedback(Boolean has) {
        return new PredictionQuery(model, version, principal, from, to, text, has, before, limit);
    }

    public PredictionQuery withBefore(Long cursor) {
        return new PredictionQuery(model, version, principal, from, to, text, hasFeedback, cursor, limit);
    }

    public PredictionQuery withLimit(int size) {
        return new PredictionQuery(model, version, principal, from, to, text, hasFeedback, before, size);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
