package barista.binding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a params-record component from a request header. Without a value, the component name
 * is turned into a header name the way FastAPI does it: {@code userAgent} reads
 * {@code user-agent}. Header names are case-insensitive.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Header {
    String value() default "";
}
