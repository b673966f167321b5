package barista.examples;

import static barista.access.Requirement.authenticated;
import static barista.access.Requirement.role;

import barista.Barista;
import barista.Response;
import barista.data.Database;
import barista.http.HttpError;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The README's data example: the app's own table (src/main/resources/db/migration), SQL through
 * JDBI with a transaction, and routes that require a signed-in caller or a role.
 */
public final class NotesApi {
    private NotesApi() {
    }

    // tag::notes[]
    public record NewNote(@NotBlank @Size(max = 500) String text) {}

    public record Note(long id, String author, String text, Instant created) {}

    public record NoteId(@Min(1) long id) {}

    private static final RowMapper<Note> NOTE = (rs, ctx) -> new Note(rs.getLong("id"), rs.getString("author"),
            rs.getString("text"), Instant.ofEpochMilli(rs.getLong("created_at")));

    public static void install(Barista app) {
        Database db = Database.of(app); // data/barista.db, or barista.data.url; db/migration ran at start
        app.post("/notes", NewNote.class, (ctx, in) -> db.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO notes (author, text, created_at) VALUES (:author, :text, :at)")
                    .bind("author", ctx.principal().user()).bind("text", in.text())
                    .bind("at", System.currentTimeMillis())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return find(h, id);
        })).status(201).returns(Note.class).requires(authenticated());

        app.get("/notes", ctx -> db.withHandle(h -> h.createQuery(
                        "SELECT * FROM notes WHERE author = :me ORDER BY id DESC LIMIT 100")
                .bind("me", ctx.principal().user()).map(NOTE).list()))
                .returns(Note[].class).requires(authenticated());

        app.delete("/notes/{id}", NoteId.class, (ctx, note) -> {
            int deleted = db.withHandle(h -> h.createUpdate("DELETE FROM notes WHERE id = :id")
                    .bind("id", note.id()).execute());
            if (deleted == 0) {
                throw new HttpError.NotFound("no note " + note.id());
            }
            return Response.noContent();
        }).requires(role("admin"));
    }

    private static Note find(Handle h, long id) {
        return h.createQuery("SELECT * FROM notes WHERE id = :id").bind("id", id).map(NOTE).one();
    }
    // end::notes[]

    /** The notes a caller may see; for tests. */
    static List<Note> all(Barista app) {
        return Database.of(app).withHandle(h -> h.createQuery("SELECT * FROM notes ORDER BY id").map(NOTE).list());
    }
}
