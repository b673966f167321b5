package barista.examples;

import static barista.access.Requirement.authenticated;

import barista.Barista;
import barista.data.BulkInsert;
import barista.data.Database;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The README's bulk-insert example: a device posts many readings at once and they are stored as
 * one transaction (COPY on PostgreSQL), all or none.
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
}
