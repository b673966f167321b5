package barista.binding;

import barista.http.FieldError;
import barista.json.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a JSON tree against a Java type and reports every value that does not fit, with its
 * location. Used only after the fast Jackson read failed, so it may be slow and reflective.
 *
 * <p>Threading: stateless; runs on the request's thread.
 */
final class BodyShape {
    private BodyShape() {
    }

    static void check(JsonNode node, JavaType type, List<Object> at, List<FieldError> errors) {
        check(node, type, at, errors, true);
    }

    /**
     * @param validate whether records met here have their constraints checked: true at the top
     *                 and below {@code @Valid}, as Bean Validation cascades on the fast path
     */
    private static void check(JsonNode node, JavaType type, List<Object> at, List<FieldError> errors,
                              boolean validate) {
        Class<?> raw = type.getRawClass();
        if (node == null || node.isMissingNode() || node.isNull()) {
            if (raw.isPrimitive()) {
                errors.add(new FieldError(at, node == null || node.isMissingNode() ? "is required" : "must not be null",
                        "missing"));
            }
            return;
        }
        if (raw == Optional.class) {
            check(node, type.containedTypeOrUnknown(0), at, errors, validate);
        } else if (raw.isRecord()) {
            checkRecord(node, raw, at, errors, validate);
        } else if (type.isCollectionLikeType() || type.isArrayType()) {
            if (!node.isArray()) {
                errors.add(new FieldError(at, "must be an array", "list_type"));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), type.getContentType(), append(at, i), errors, validate);
            }
        } else if (type.isMapLikeType()) {
            if (!node.isObject()) {
                errors.add(new FieldError(at, "must be an object", "dict_type"));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                check(e.getValue(), type.getContentType(), append(at, e.getKey()), errors, validate);
            }
        } else {
            checkLeaf(node, type, at, errors);
        }
    }

    /**
     * Checks each component's shape, and where the shape fits, its own constraints too, so one
     * 422 lists a wrong type next to a blank name. Nested records are walked here rather than
     * cascaded, so nothing is reported twice.
     */
    private static void checkRecord(JsonNode node, Class<?> raw, List<Object> at, List<FieldError> errors,
                                    boolean validate) {
        if (!node.isObject()) {
            errors.add(new FieldError(at, "must be an object", "model_type"));
            return;
        }
        for (RecordComponent c : raw.getRecordComponents()) {
            JsonProperty renamed = c.getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
            JavaType ct = Json.mapper().getTypeFactory().constructType(c.getGenericType());
            List<Object> here = append(at, name);
            int before = errors.size();
            JsonNode value = node.get(name);
            check(value, ct, here, errors, validate && cascades(c));
            if (validate && errors.size() == before) {
                validateComponent(raw, c.getName(), value, ct, here, errors);
            }
        }
    }

    /** {@code @Valid} on the component or on a type argument ({@code List<@Valid Item>}). */
    private static boolean cascades(RecordComponent c) {
        if (c.isAnnotationPresent(Valid.class)) {
            return true;
        }
        if (c.getAnnotatedType() instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
                if (arg.isAnnotationPresent(Valid.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void validateComponent(Class<?> owner, String component, JsonNode node, JavaType type,
                                          List<Object> at, List<FieldError> errors) {
        Object value;
        try {
            value = node == null || node.isNull() || node.isMissingNode() ? null : Json.mapper().readerFor(type).readValue(node);
        } catch (Exception e) {
            return; // a nested part failed in a way already reported, or not at all checkable
        }
        Violations.addAll(Violations.validator().validateValue(owner, component, value), at, true, errors);
    }

    private static void checkLeaf(JsonNode node, JavaType type, List<Object> at, List<FieldError> errors) {
        try {
            Json.mapper().readerFor(type).readValue(node);
        } catch (Exception e) {
            Scalar scalar = Scalar.of(type.getRawClass());
            String message = scalar != null ? "must be " + scalar.expected() : "is not a valid " + type.getRawClass().getSimpleName();
            errors.add(new FieldError(at, message, scalar != null ? scalar.kind() : "value_error"));
        }
    }

    private static List<Object> append(List<Object> at, Object next) {
        List<Object> out = new ArrayList<>(at.size() + 1);
        out.addAll(at);
        out.add(next);
        return out;
    }
}
