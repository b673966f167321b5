package barista.admin;

import barista.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Times on the admin pages, in the viewer's own time zone. admin.js keeps the browser's zone
 * (its IANA name, {@code Europe/Paris}) in the {@value #COOKIE} cookie, and the pages write and
 * read times in it; without the cookie, or with a name Java does not know, UTC. A cookie rather
 * than a setting, because the people who watch one server sit in different places. The zone's
 * name is in the header of every time column and the label of every time field, so no time is
 * read in the wrong zone (though the hour that repeats when clocks go back shows twice). Links
 * that carry typed times carry the zone too ({@code tz}), so a colleague elsewhere gets the same
 * rows.
 *
 * @param zone the zone times are written and read in
 */
record AdminTime(ZoneId zone) {
    static final String COOKIE = "barista_tz";
    static final AdminTime UTC = new AdminTime(ZoneOffset.UTC);
    private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-/]{0,63}");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The zone of the request's {@code tz} parameter (a shared link), else of its cookie, else UTC. */
    static AdminTime of(Context ctx) {
        String linked = ctx.query("tz");
        return linked != null ? named(linked) : named(ctx.cookie(COOKIE));
    }

    /** The zone called {@code name} ({@code Europe/Paris}), or UTC for null or a name Java does not know. */
    static AdminTime named(String name) {
        ZoneId zone = zone(name);
        return zone == null ? UTC : new AdminTime(zone);
    }

    /**
     * The request's {@code tz} parameter when it names no zone Java knows, else null: {@link #of}
     * reads it as UTC, and a page that filters by typed times reports it instead.
     */
    static String unknownZone(Context ctx) {
        String linked = ctx.query("tz");
        return linked == null || zone(linked) != null ? null : linked;
    }

    private static ZoneId zone(String name) {
        if (name == null || !ZONE_NAME.matcher(name).matches()) {
            return null;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException unknown) {
            return null;
        }
    }

    /** The zone's name for labels: {@code UTC}, {@code Europe/Paris}. */
    String label() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** {@code 2025-01-31 13:45:07} in this zone. */
    String format(Instant t) {
        return SHOWN.format(t.atZone(zone));
    }

    /**
     * The instant of a time typed into a {@code datetime-local} field ({@code 2025-01-31T13:45},
     * seconds allowed) in this zone; throws {@link java.time.format.DateTimeParseException}. In
     * the hour that repeats when clocks go back, a lower bound takes its first pass and an
     * {@code upper} one its second, so a range keeps both; a time in the hour skipped in spring
     * moves forward by the gap.
     */
    Instant parse(String typed, boolean upper) {
        ZonedDateTime t = LocalDateTime.parse(typed, typed.length() > 16 ? DateTimeFormatter.ISO_LOCAL_DATE_TIME : TYPED)
                .atZone(zone);
        return (upper ? t.withLaterOffsetAtOverlap() : t.withEarlierOffsetAtOverlap()).toInstant();
    }

    /** The end of {@code day} in this zone: a key that expires "after" a day works through all of it. */
    Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
