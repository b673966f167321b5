package barista.http;

import java.util.List;

/**
 * One reason a request was refused, as listed in a 422 problem's {@code errors[]}.
 *
 * @param location where the bad value was: its source then the path inside it, e.g.
 *                 {@code ["query","limit"]} or {@code ["body","items",0,"name"]}
 * @param message  a sentence for a person ("must be greater than or equal to 1")
 * @param type     a stable machine-readable kind ("missing", "int_parsing", "Min", ...)
 */
public record FieldError(List<Object> location, String message, String type) {
    public FieldError {
        location = List.copyOf(location);
    }

    public static FieldError of(String source, String name, String message, String type) {
        return new FieldError(List.of(source, name), message, type);
    }
}
