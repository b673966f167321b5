package barista;

/**
 * The typed style for a route that takes both parameters and a JSON body:
 * {@code app.put("/items/{id}", ItemId.class, Item.class, (ctx, id, item) -> ...)}.
 *
 * @param <P> the params record
 * @param <B> the body type
 */
@FunctionalInterface
public interface ParamsBodyHandler<P, B> {
    Object handle(Context ctx, P params, B body) throws Exception;
}
