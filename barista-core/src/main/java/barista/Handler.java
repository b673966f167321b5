package barista;

/**
 * The quick style: a handler that reads what it needs from the {@link Context}.
 * {@code app.get("/hello", ctx -> Map.of("hello", ctx.query("name")))}.
 *
 * <p>Runs on a virtual thread (it may block) unless the route opted into the event loop. The
 * result is written as described on {@link Response}.
 */
@FunctionalInterface
public interface Handler {
    Object handle(Context ctx) throws Exception;
}
