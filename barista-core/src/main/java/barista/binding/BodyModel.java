package barista.binding;

import barista.http.FieldError;
import barista.http.HttpError;
import barista.json.Json;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A JSON body type analysed once: a Jackson reader bound to the type, and whether Bean
 * Validation has anything to check on it.
 *
 * <p>Reading takes the fast path (Jackson straight into the type). Only when that fails does it
 * walk the JSON tree against the type with {@link BodyShape} to list every wrong value, so the
 * common case pays nothing for complete error reports.
 *
 * <p>Threading: immutable; {@link #read} is safe from any thread.
 */
public final class BodyModel {
    private final Type type;
    private volatile Prepared prepared;

    /** The Jackson and Bean Validation halves, made by {@link #prepare()}. */
    private record Prepared(JavaType javaType, ObjectReader reader, boolean constrained) {
    }

    private BodyModel(Type type) {
        this.type = type;
    }

    /** A body model; cheap, so declaring routes stays fast. The work waits for {@link #prepare()}. */
    public static BodyModel of(Type type) {
        return new BodyModel(type);
    }

    /**
     * Builds the Jackson reader and reads the type's constraints. Idempotent and thread-safe;
     * the app calls it at start-up, and {@link #read} calls it if nobody did.
     */
    public void prepare() {
        prepared();
    }

    private Prepared prepared() {
        Prepared p = prepared;
        if (p == null) {
            JavaType javaType = Json.mapper().getTypeFactory().constructType(type);
            Class<?> checked = javaType.isContainerType() && javaType.getContentType() != null
                    ? javaType.getContentType().getRawClass() : javaType.getRawClass();
            boolean constrained = !checked.isPrimitive() && !checked.getName().startsWith("java.")
                    && Violations.validator().getConstraintsForClass(checked).isBeanConstrained();
            p = new Prepared(javaType, Json.mapper().readerFor(javaType), constrained);
            prepared = p;
        }
        return p;
    }

    /** The declared body type, for OpenAPI. */
    public Type type() {
        return type;
    }

    /**
     * Reads and validates a body.
     *
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @return the value, or {@code null} after adding every problem to {@code errors}
     * @throws HttpError.BadRequest when the bytes are not JSON at all
     * @throws HttpError.UnsupportedMediaType when the content type is not JSON
     */
    public Object read(String contentType, byte[] body, List<FieldError> errors) {
        checkJson(contentType, body);
        if (body.length == 0) {
            errors.add(new FieldError(List.of(Location.BODY.wire()), "is required", "missing"));
            return null;
        }
        Prepared p = prepared();
        Object value;
        try {
            value = p.reader().readValue(body);
        } catch (StreamReadException e) {
            throw malformed(e);
        } catch (DatabindException e) {
            explain(body, e, errors);
            return null;
        } catch (IOException e) {
            throw malformed(e);
        }
        if (value == null) {
            errors.add(new FieldError(List.of(Location.BODY.wire()), "must not be null", "missing"));
            return null;
        }
        if (p.constrained()) {
            validate(value, errors);
        }
        return errors.isEmpty() ? value : null;
    }

    private void validate(Object value, List<FieldError> errors) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                Violations.addAll(Violations.validator().validate(item), List.of(Location.BODY.wire(), i++), false,
                        errors);
            }
        } else {
            Violations.addAll(Violations.validator().validate(value), List.of(Location.BODY.wire()), false, errors);
        }
    }

    /** JSON means {@code application/json}, any {@code +json} type, or no declared type at all. */
    private static void checkJson(String contentType, byte[] body) {
        if (contentType == null || body.length == 0) {
            return;
        }
        int semi = contentType.indexOf(';');
        String media = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !media.endsWith("+json")) {
            throw new HttpError.UnsupportedMediaType("expected a JSON body (application/json), got " + media);
        }
    }

    /** The slow path: finds every value that does not fit, not just the one Jackson hit first. */
    private void explain(byte[] body, DatabindException first, List<FieldError> errors) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw malformed(e);
        }
        int before = errors.size();
        BodyShape.check(tree, prepared().javaType(), new ArrayList<>(List.of(Location.BODY.wire())), errors);
        if (errors.size() == before) {
            errors.add(new FieldError(locationOf(first), messageOf(first), "value_error"));
        }
    }

    /**
     * What a client may read about a value the type refused: a record's own
     * {@link IllegalArgumentException} message (its compact constructor's check), otherwise a
     * plain "is not valid", never a JDK or Jackson message naming classes.
     */
    private static String messageOf(DatabindException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof IllegalArgumentException && root.getMessage() != null ? root.getMessage() : "is not valid";
    }

    private static List<Object> locationOf(DatabindException e) {
        List<Object> location = new ArrayList<>(List.of(Location.BODY.wire()));
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference ref : m.getPath()) {
                location.add(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
            }
        }
        return location;
    }


    private static HttpError malformed(IOException e) {
        if (!(e instanceof JacksonException je)) {
            return new HttpError.BadRequest("malformed JSON body: " + e.getMessage());
        }
        String why = START_MARKER.matcher(je.getOriginalMessage()).replaceAll("");
        var where = je.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return new HttpError.BadRequest("malformed JSON body: " + why + at);
    }

    /** Jackson names the source in this part of some messages; it says nothing to a client. */
    private static final java.util.regex.Pattern START_MARKER =
            java.util.regex.Pattern.compile("\\s*\\(start marker at \\[Source.*?\\]\\)");
}
