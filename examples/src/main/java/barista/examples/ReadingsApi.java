package barista.examples;

import static barista.access.Requirement.authenticated;

import barista.Barista;
import barista.Response;
import barista.data.BulkInsert;
import barista.data.Database;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The README's bulk-insert example: a device posts many readings at once and they are stored as
 * one transaction (COPY on PostgreSQL), all or none; and the streamed export of them all.
 */
public final class ReadingsApi {
    private ReadingsApi() {
    }

    // tag::readings[]
    public record Reading(@NotBlank @Size(max = 100) String sensor, @NotNull Instant takenAt, double value) {
        @AssertTrue(message = "value must be a finite number") // JSON "NaN" and "Infinity" parse as doubles
        public boolean isFinite() {
            return Double.isFinite(value);
        }
    }

    public record Readings(@NotEmpty @Size(max = 10_000) List<@Valid @NotNull Reading> readings) {}

    public record Stored(int stored) {}

    public static void install(Barista app) {
        BulkInsert<Reading> insert = BulkInsert.into(Database.of(app), "readings",
                List.of("sensor", "taken_at", "value"),
                (r, row) -> row.text(r.sensor()).number(r.takenAt().toEpochMilli()).number(r.value()));
        app.post("/readings", Readings.class, (ctx, in) -> {
            insert.write(in.readings()); // one transaction: all rows or none
            return new Stored(in.readings().size());
        }).status(201).returns(Stored.class).requires(authenticated());
    }
    // end::readings[]

    // tag::readings-export[]
    /** Every reading as CSV, written while it is read: a year of readings never sits in memory. */
    public static void installExport(Barista app) {
        Database db = Database.of(app);
        app.get("/readings.csv", ctx -> Response.stream("text/csv; charset=utf-8", out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write("sensor,taken_at,value\r\n");
            List<Row> page = List.of();
            do { // 1,000 rows per short read: no connection is held while the client downloads
                long after = page.isEmpty() ? 0 : page.getLast().id();
                page = db.withHandle(h -> h.createQuery("SELECT id, sensor, taken_at, value FROM readings"
                        + " WHERE id > :after ORDER BY id LIMIT 1000").bind("after", after).map(ROW).list());
                for (Row r : page) {
                    csv.write('"' + r.sensor().replace("\"", "\"\"") + "\"," + Instant.ofEpochMilli(r.takenAt())
                            + "," + r.value() + "\r\n");
                }
            } while (page.size() == 1000);
            csv.flush();
        })).requires(authenticated());
    }

    private record Row(long id, String sensor, long takenAt, double value) {}

    private static final RowMapper<Row> ROW = (rs, c) -> new Row(rs.getLong("id"), rs.getString("sensor"),
            rs.getLong("taken_at"), rs.getDouble("value"));
    // end::readings-export[]
}
