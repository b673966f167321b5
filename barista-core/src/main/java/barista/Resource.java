package barista;

import barista.http.HttpError;

/**
 * The class style (Tornado's {@code RequestHandler}, Django's class-based views): one object
 * answers several methods at one path. Override the methods you serve; only those are routed,
 * and others get 405 with {@code Allow}. The return types of the overrides document the
 * responses in OpenAPI.
 *
 * <pre>{@code
 * class Predictions implements Resource {
 *     public Prediction get(Context ctx) { return new Prediction(99); }
 * }
 * app.resource("/tornado", new Predictions());
 * }</pre>
 *
 * One instance serves all requests concurrently, so keep it stateless or thread-safe.
 */
public interface Resource {
    default Object get(Context ctx) throws Exception {
        throw notServed();
    }

    default Object post(Context ctx) throws Exception {
        throw notServed();
    }

    default Object put(Context ctx) throws Exception {
        throw notServed();
    }

    default Object patch(Context ctx) throws Exception {
        throw notServed();
    }

    default Object delete(Context ctx) throws Exception {
        throw notServed();
    }

    private static HttpError notServed() {
        return new HttpError(405, "method not served by this resource");
    }
}
