package barista.binding;

import barista.http.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;

/**
 * Bean Validation for the binder: one shared {@link Validator}, and the mapping from a
 * {@link ConstraintViolation} to the {@link FieldError} a 422 lists.
 */
public final class Violations {
    /**
     * Hibernate Validator announces its version at INFO when it starts, in every app's and every
     * CLI command's output; WARNING unless the app set a level. Kept here because JUL holds
     * loggers weakly, and a level set on one that is collected is lost. Before the validator.
     */
    private static final java.util.logging.Logger VERSION_LINE = quiet("org.hibernate.validator.internal.util.Version");
    private static final Validator VALIDATOR = createValidator();

    private Violations() {
    }

    /** The shared, thread-safe validator; user code may use it too. */
    public static Validator validator() {
        return VALIDATOR;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        if (logger.getLevel() == null) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        return logger;
    }

    private static Validator createValidator() {
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .buildValidatorFactory();
        return factory.getValidator();
    }

    /** Adds one error per violation, located under {@code prefix} (e.g. {@code ["body"]}). */
    public static void addAll(Set<? extends ConstraintViolation<?>> violations, List<Object> prefix,
                              boolean skipFirstName, List<FieldError> into) {
        for (ConstraintViolation<?> v : violations) {
            List<Object> location = new ArrayList<>(prefix);
            appendPath(v.getPropertyPath(), location, skipFirstName);
            String type = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            into.add(new FieldError(location, v.getMessage(), type));
        }
    }

    private static void appendPath(Path path, List<Object> into, boolean skipFirstName) {
        boolean first = true;
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                into.add(node.getIndex());
            } else if (node.getKey() != null) {
                into.add(String.valueOf(node.getKey()));
            }
            boolean named = node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT
                    && node.getKind() != ElementKind.BEAN;
            if (named && !(first && skipFirstName)) {
                into.add(node.getName());
            }
            first = false;
        }
    }
}
