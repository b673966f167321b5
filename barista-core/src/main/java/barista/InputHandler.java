package barista;

/**
 * The typed style: a handler that receives its input already bound and validated. For
 * {@code GET}/{@code DELETE} routes the input is a params record (path, query, header, cookie);
 * for {@code POST}/{@code PUT}/{@code PATCH} it is the JSON body.
 *
 * @param <I> the input type
 */
@FunctionalInterface
public interface InputHandler<I> {
    Object handle(Context ctx, I input) throws Exception;
}
