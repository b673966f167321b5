package barista.binding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the query parameter a params-record component binds, when the wire name is not a Java
 * identifier ({@code @Query("page-size") int pageSize}). Components without an annotation are
 * query parameters already, named as the component.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Query {
    String value();
}
