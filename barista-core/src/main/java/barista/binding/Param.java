package barista.binding;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Type;

/**
 * One component of a params record, as analysed at start-up: where it comes from and how it is
 * converted. Read by the binder per request and by OpenAPI once.
 *
 * @param name        the record component's name
 * @param wireName    the name on the wire (query key, header name, cookie name, path variable)
 * @param location    where the value comes from
 * @param genericType the component's declared type ({@code Optional<Integer>}, {@code List<String>})
 * @param element     the record component, for its constraint annotations
 * @param required    whether a request without it is refused with 422
 * @param defaultText the {@link Default} value as written, or {@code null}
 * @param repeated    a {@code List} or {@code Set}: every occurrence is bound
 * @param optional    an {@code Optional}: absent becomes {@code Optional.empty()}
 * @param scalar      the converter for one value
 */
public record Param(String name, String wireName, Location location, Type genericType, AnnotatedElement element,
                    boolean required, String defaultText, boolean repeated, boolean optional, Scalar scalar) {
}
