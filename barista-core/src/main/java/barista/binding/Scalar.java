package barista.binding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one text value from a path, query, header or cookie becomes a Java value. Built once per
 * parameter type; {@link #parse} is called per request and throws
 * {@link IllegalArgumentException} with the reason when the text does not fit.
 *
 * @param type     the Java type produced
 * @param kind     the error type reported in a 422 ({@code int_parsing}, {@code enum}, ...)
 * @param expected what a valid value looks like, for the error message
 * @param parser   the conversion
 *
 * <p>Threading: immutable; {@link #parse} is called from any request thread.
 */
public record Scalar(Class<?> type, String kind, String expected, Function<String, Object> parser) {

    /** Converts the text or throws {@link IllegalArgumentException}. */
    public Object parse(String text) {
        try {
            return parser.apply(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("must be " + expected);
        }
    }

    /** The converter for a type, or {@code null} when the type is not a scalar. */
    public static Scalar of(Class<?> t) {
        if (t == String.class || t == CharSequence.class) {
            return new Scalar(String.class, "string", "a string", s -> s);
        }
        if (t == int.class || t == Integer.class) {
            return new Scalar(t, "int_parsing", "an integer", s -> Integer.parseInt(s.trim()));
        }
        if (t == long.class || t == Long.class) {
            return new Scalar(t, "int_parsing", "an integer", s -> Long.parseLong(s.trim()));
        }
        if (t == short.class || t == Short.class) {
            return new Scalar(t, "int_parsing", "an integer", s -> Short.parseShort(s.trim()));
        }
        if (t == byte.class || t == Byte.class) {
            return new Scalar(t, "int_parsing", "an integer", s -> Byte.parseByte(s.trim()));
        }
        if (t == double.class || t == Double.class) {
            return new Scalar(t, "float_parsing", "a number", s -> finite(Double.parseDouble(s.trim())));
        }
        if (t == float.class || t == Float.class) {
            return new Scalar(t, "float_parsing", "a number", s -> (float) finite(Float.parseFloat(s.trim())));
        }
        if (t == boolean.class || t == Boolean.class) {
            return new Scalar(t, "bool_parsing", "a boolean (true/false, 1/0, yes/no, on/off)", Scalar::bool);
        }
        if (t == BigDecimal.class) {
            return new Scalar(t, "decimal_parsing", "a decimal number", s -> new BigDecimal(s.trim()));
        }
        if (t == BigInteger.class) {
            return new Scalar(t, "int_parsing", "an integer", s -> new BigInteger(s.trim()));
        }
        if (t == UUID.class) {
            return new Scalar(t, "uuid_parsing", "a UUID", Scalar::uuid);
        }
        if (t == LocalDate.class) {
            return new Scalar(t, "date_parsing", "a date (YYYY-MM-DD)", s -> LocalDate.parse(s.trim()));
        }
        if (t == LocalDateTime.class) {
            return new Scalar(t, "datetime_parsing", "a date-time (YYYY-MM-DDTHH:MM:SS)",
                    s -> LocalDateTime.parse(s.trim()));
        }
        if (t == LocalTime.class) {
            return new Scalar(t, "time_parsing", "a time (HH:MM:SS)", s -> LocalTime.parse(s.trim()));
        }
        if (t == OffsetDateTime.class) {
            return new Scalar(t, "datetime_parsing", "a date-time with offset", s -> OffsetDateTime.parse(s.trim()));
        }
        if (t == Instant.class) {
            return new Scalar(t, "datetime_parsing", "an instant (ISO-8601, UTC)", s -> Instant.parse(s.trim()));
        }
        if (t == Duration.class) {
            return new Scalar(t, "duration_parsing", "an ISO-8601 duration (PT10S)", s -> Duration.parse(s.trim()));
        }
        if (t.isEnum()) {
            return enumScalar(t);
        }
        return null;
    }

    private static double finite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("must be a finite number");
        }
        return d;
    }

    private static Object bool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be a boolean (true/false, 1/0, yes/no, on/off)");
        };
    }

    private static Object uuid(String s) {
        try {
            return UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID");
        }
    }

    private static Scalar enumScalar(Class<?> t) {
        Object[] constants = t.getEnumConstants();
        String names = Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        return new Scalar(t, "enum", "one of: " + names, s -> {
            for (Object c : constants) {
                if (((Enum<?>) c).name().equals(s)) {
                    return c;
                }
            }
            for (Object c : constants) {
                if (((Enum<?>) c).name().equalsIgnoreCase(s.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("must be one of: " + names);
        });
    }
}
