package barista.examples;

import barista.Barista;
import barista.binding.Cookie;
import barista.binding.Default;
import barista.binding.Header;
import barista.http.HttpError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small CRUD API showing every kind of input: path, query (with defaults, optional values,
 * lists and enums), header, cookie, and a nested, validated JSON body.
 */
public final class ItemsApi {
    // tag::items[]
    public enum Category { COFFEE, TEA, PASTRY }

    public record Price(@Positive double amount, @Pattern(regexp = "[A-Z]{3}") String currency) {}

    public record Item(@NotBlank @Size(max = 50) String name, Category category, @Valid Price price,
                       @Size(max = 5) List<@NotBlank String> tags) {}

    public record Stored(long id, Item item) {}

    public record Search(@Default("10") @Min(1) @Max(100) int limit, @Default("0") @Min(0) int offset,
                         Optional<String> q, Optional<Category> category, List<String> tag,
                         @Header Optional<String> xClient, @Cookie Optional<String> session) {}

    public record ItemId(@Min(1) long id) {}

    public record Page(int total, List<Stored> items) {}

    private final Map<Long, Item> items = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    public void install(Barista app) {
        app.get("/items", Search.class, (ctx, s) -> search(s))
                .summary("Search items").tags("items").returns(Page.class);
        app.get("/items/{id}", ItemId.class, (ctx, p) -> new Stored(p.id(), find(p.id())))
                .summary("Get one item").tags("items").returns(Stored.class);
        app.post("/items", Item.class, (ctx, item) -> create(item))
                .summary("Create an item").tags("items").status(201).returns(Stored.class);
        app.put("/items/{id}", ItemId.class, Item.class, (ctx, p, item) -> replace(p.id(), item))
                .summary("Replace an item").tags("items").returns(Stored.class);
        app.delete("/items/{id}", ItemId.class, (ctx, p) -> remove(p.id()))
                .summary("Delete an item").tags("items").status(204);
    }
    // end::items[]

    private Page search(Search s) {
        List<Stored> all = items.entrySet().stream()
                .filter(e -> s.q().map(q -> e.getValue().name().contains(q)).orElse(true))
                .filter(e -> s.category().map(c -> c == e.getValue().category()).orElse(true))
                .filter(e -> e.getValue().tags() != null && e.getValue().tags().containsAll(s.tag())
                        || s.tag().isEmpty())
                .map(e -> new Stored(e.getKey(), e.getValue()))
                .toList();
        return new Page(all.size(), all.stream().skip(s.offset()).limit(s.limit()).toList());
    }

    private Item find(long id) {
        Item item = items.get(id);
        if (item == null) {
            throw new HttpError.NotFound("no item " + id);
        }
        return item;
    }

    private Stored create(Item item) {
        long id = ids.incrementAndGet();
        items.put(id, item);
        return new Stored(id, item);
    }

    private Stored replace(long id, Item item) {
        find(id);
        items.put(id, item);
        return new Stored(id, item);
    }

    private Object remove(long id) {
        if (items.remove(id) == null) {
            throw new HttpError.NotFound("no item " + id);
        }
        return null;
    }
}
