package barista.binding;

import barista.SetupException;
import barista.http.FieldError;
import jakarta.validation.ConstraintViolation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A params record analysed once: each component's source (path variable by name,
 * {@link Header}, {@link Cookie}, else query, named by {@link Query} or the component), its
 * converter, default and constraints, plus a
 * method handle on the canonical constructor. Binding a request converts every component,
 * validates those with constraints, and collects every error.
 *
 * <p>Threading: immutable after construction; {@link #bind} is safe from any thread.
 */
public final class ParamsModel {
    private final Class<?> type;
    private final String route;
    private final List<Param> params;
    private final Object[] defaults;
    private final MethodHandle constructor;
    private volatile boolean[] constrained; // set by prepare(): which components have constraints

    private ParamsModel(Class<?> type, String route, List<Param> params, Object[] defaults, MethodHandle constructor) {
        this.type = type;
        this.route = route;
        this.params = List.copyOf(params);
        this.defaults = defaults;
        this.constructor = constructor;
    }

    /** The record type. */
    public Class<?> type() {
        return type;
    }

    /** The components, in declaration order. */
    public List<Param> params() {
        return params;
    }

    /**
     * Analyses a params record for a route: reflection only, so declaring routes stays fast;
     * the Bean Validation part waits for {@link #prepare()}.
     *
     * @param pathVariables the route's path variables; each must have a component
     * @param route         the route's name for setup errors ({@code GET /items/{id}})
     */
    public static ParamsModel of(Class<?> type, Set<String> pathVariables, String route) {
        if (!type.isRecord()) {
            throw new SetupException(route + ": parameters type " + type.getName()
                    + " must be a record (its components are the parameters)");
        }
        RecordComponent[] components = type.getRecordComponents();
        List<Param> params = new ArrayList<>();
        Object[] defaults = new Object[components.length];
        Set<String> unmatched = new LinkedHashSet<>(pathVariables);
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Param p = analyse(c, pathVariables, route);
            unmatched.remove(p.location() == Location.PATH ? p.wireName() : "");
            params.add(p);
            if (p.defaultText() != null) {
                defaults[i] = wrap(p, List.of(p.defaultText()), route);
            }
        }
        if (!unmatched.isEmpty()) {
            throw new SetupException(route + ": path variable " + unmatched + " has no component in "
                    + type.getSimpleName());
        }
        return new ParamsModel(type, route, params, defaults, constructorOf(type, components, route));
    }

    /**
     * Reads the record's constraints and checks each {@code @Default} against them. Idempotent
     * and thread-safe; the app calls it at start-up (a broken default then stops start-up), and
     * {@link #bind} calls it if nobody did.
     */
    public boolean[] prepare() {
        boolean[] c = constrained;
        if (c != null) {
            return c;
        }
        var descriptor = Violations.validator().getConstraintsForClass(type);
        c = new boolean[params.size()];
        for (int i = 0; i < c.length; i++) {
            Param p = params.get(i);
            c[i] = descriptor.getConstraintsForProperty(p.name()) != null;
            if (p.defaultText() != null) {
                checkDefault(type, p, defaults[i], route);
            }
        }
        constrained = c;
        return c;
    }

    private static Param analyse(RecordComponent c, Set<String> pathVariables, String route) {
        Type generic = c.getGenericType();
        Class<?> raw = c.getType();
        boolean optional = raw == Optional.class;
        boolean repeated = raw == List.class || raw == Set.class;
        Class<?> element = (optional || repeated) ? typeArgument(generic, c, route) : raw;
        Scalar scalar = Scalar.of(element);
        if (scalar == null) {
            throw new SetupException(route + ": parameter '" + c.getName() + "' has type " + generic.getTypeName()
                    + "; parameters hold text, numbers, booleans, enums, UUIDs, dates, or an Optional or List"
                    + " of those. Send structured data as the JSON body instead.");
        }
        Header header = c.getAnnotation(Header.class);
        Cookie cookie = c.getAnnotation(Cookie.class);
        Query query = c.getAnnotation(Query.class);
        Default def = c.getAnnotation(Default.class);
        Location location;
        String wire;
        if ((header != null ? 1 : 0) + (cookie != null ? 1 : 0) + (query != null ? 1 : 0) > 1) {
            throw new SetupException(route + ": parameter '" + c.getName()
                    + "' can have only one of @Header, @Cookie and @Query");
        } else if (header != null) {
            location = Location.HEADER;
            wire = header.value().isEmpty() ? kebab(c.getName()) : header.value();
        } else if (cookie != null) {
            location = Location.COOKIE;
            wire = cookie.value().isEmpty() ? c.getName() : cookie.value();
        } else if (query != null) {
            location = Location.QUERY;
            wire = query.value();
        } else if (pathVariables.contains(c.getName())) {
            location = Location.PATH;
            wire = c.getName();
        } else {
            location = Location.QUERY;
            wire = c.getName();
        }
        if (location == Location.PATH && (optional || repeated || def != null)) {
            throw new SetupException(route + ": path variable '" + c.getName()
                    + "' is always present: it cannot be Optional, a List, or have a @Default");
        }
        boolean required = !optional && !repeated && def == null;
        return new Param(c.getName(), wire, location, generic, c, required, def == null ? null : def.value(),
                repeated, optional, scalar);
    }

    private static Class<?> typeArgument(Type generic, RecordComponent c, String route) {
        if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> arg) {
            return arg;
        }
        throw new SetupException(route + ": parameter '" + c.getName() + "' needs a concrete type argument");
    }

    /** {@code userAgent} -> {@code user-agent}, {@code x_token} -> {@code x-token}. */
    static String kebab(String name) {
        StringBuilder sb = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('-').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch == '_' ? '-' : ch);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static MethodHandle constructorOf(Class<?> type, RecordComponent[] components, String route) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            var ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(ctor)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SetupException(route + ": cannot use the constructor of " + type.getName()
                    + " (is the record public, or its package open?)", e);
        }
    }

    private static void checkDefault(Class<?> type, Param p, Object value, String route) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<ConstraintViolation<?>> v = (Set) Violations.validator().validateValue(type, p.name(), value);
        if (!v.isEmpty()) {
            throw new SetupException(route + ": @Default(\"" + p.defaultText() + "\") of '" + p.name()
                    + "' breaks its own constraint: " + v.iterator().next().getMessage());
        }
    }

    /** Converts raw texts to the component's value: a scalar, an Optional, or a List/Set. */
    private static Object wrap(Param p, List<String> texts, String route) {
        try {
            return convert(p, texts);
        } catch (IllegalArgumentException e) {
            throw new SetupException(route + ": @Default(\"" + p.defaultText() + "\") of '" + p.name() + "' "
                    + e.getMessage());
        }
    }

    private static Object convert(Param p, List<String> texts) {
        if (p.repeated()) {
            List<Object> values = new ArrayList<>(texts.size());
            for (String t : texts) {
                values.add(p.scalar().parse(t));
            }
            return ((Class<?>) ((ParameterizedType) p.genericType()).getRawType()) == Set.class
                    ? Set.copyOf(values) : List.copyOf(values);
        }
        Object v = p.scalar().parse(texts.get(0));
        return p.optional() ? Optional.of(v) : v;
    }

    /** Where the binder reads raw values from; implemented by the request context. */
    public interface Source {
        String pathParam(String name);

        List<String> queryAll(String name);

        String header(String name);

        String cookie(String name);
    }

    /**
     * Binds the record from a request, or returns {@code null} after adding every problem to
     * {@code errors}.
     */
    public Object bind(Source source, List<FieldError> errors) {
        boolean[] constrained = prepare();
        int before = errors.size();
        Object[] args = new Object[params.size()];
        for (int i = 0; i < args.length; i++) {
            Param p = params.get(i);
            List<String> texts = switch (p.location()) {
                case PATH -> one(source.pathParam(p.wireName()));
                case QUERY -> source.queryAll(p.wireName());
                case HEADER -> one(source.header(p.wireName()));
                case COOKIE -> one(source.cookie(p.wireName()));
                case BODY -> List.of();
            };
            if (texts.isEmpty()) {
                if (p.defaultText() != null) {
                    args[i] = defaults[i];
                } else if (p.optional()) {
                    args[i] = Optional.empty();
                } else if (p.repeated()) {
                    args[i] = convert(p, texts);
                } else {
                    errors.add(FieldError.of(p.location().wire(), p.wireName(), "is required", "missing"));
                    continue;
                }
            } else {
                try {
                    args[i] = convert(p, texts);
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of(p.location().wire(), p.wireName(), e.getMessage(), p.scalar().kind()));
                    continue;
                }
            }
            if (constrained[i]) {
                validate(p, args[i], errors);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            return constructor.invokeExact(args);
        } catch (IllegalArgumentException e) {
            // the record's own check across components: no single location is to blame
            errors.add(new FieldError(List.of(), e.getMessage(), "value_error"));
            return null;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void validate(Param p, Object value, List<FieldError> errors) {
        Set<ConstraintViolation<?>> v = (Set) Violations.validator().validateValue(type, p.name(), value);
        if (!v.isEmpty()) {
            List<FieldError> found = new ArrayList<>();
            Violations.addAll(v, List.of(p.location().wire(), p.wireName()), true, found);
            errors.addAll(found);
        }
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
