package barista.binding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a params-record component takes when the request does not send it, written as it
 * would be on the wire ({@code @Default("10") int limit}). Records cannot declare defaults, so
 * this is how a parameter becomes optional without being an {@code Optional}. The default is
 * converted and validated at start-up: a default that breaks the component's own constraints
 * stops the app.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Default {
    String value();
}
