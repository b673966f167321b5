package barista.access;

import barista.Context;
import barista.SetupException;
import barista.routing.PathTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a route needs of its caller, declared with the route:
 * {@code app.delete("/users/{id}", ...).requires(Requirement.role("admin"))}. Checked before
 * the request is bound, so a caller without rights learns nothing from validation errors:
 * nobody signed in gets 401, a principal without the role or permission gets 403.
 *
 * <p>A route may declare several; all must hold.
 */
public sealed interface Requirement {
    /** Any authenticated principal. */
    static Requirement authenticated() {
        return new Authenticated();
    }

    /** A principal with this role. */
    static Requirement role(String name) {
        return new Role(checkName("role", name));
    }

    /**
     * A principal with this permission. {@code {var}} in the text is filled from the route's
     * path variable of that name, so {@code permission("model:{name}:call")} on
     * {@code /models/{name}/predict} asks for {@code model:iris:call} when iris is called.
     */
    static Requirement permission(String template) {
        return new Permission(checkName("permission", template));
    }

    /** Whether {@code principal} meets this requirement for the request in {@code ctx}. */
    boolean isMetBy(Principal principal, Context ctx);

    /** Fails set-up when the requirement names a path variable the route doesn't have. */
    default void checkAgainst(PathTemplate path, String route) {
    }

    /** Any signed-in principal. */
    record Authenticated() implements Requirement {
        @Override
        public boolean isMetBy(Principal principal, Context ctx) {
            return principal.authenticated();
        }

        @Override
        public String toString() {
            return "authentication";
        }
    }

    /** @param name the role's name, such as {@code admin} */
    record Role(String name) implements Requirement {
        @Override
        public boolean isMetBy(Principal principal, Context ctx) {
            return principal.authenticated() && principal.hasRole(name);
        }

        @Override
        public String toString() {
            return "role " + name;
        }
    }

    /** @param template the permission, with {@code {var}} for path variables */
    record Permission(String template) implements Requirement {
        private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

        /** The permission asked for by this request, path variables filled in. */
        public String resolve(Context ctx) {
            if (template.indexOf('{') < 0) {
                return template;
            }
            Matcher m = VARIABLE.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = ctx.pathParam(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The path variables the template names. */
        public List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        @Override
        public boolean isMetBy(Principal principal, Context ctx) {
            return principal.hasPermission(resolve(ctx));
        }

        @Override
        public void checkAgainst(PathTemplate path, String route) {
            for (String v : variables()) {
                if (!path.variables().contains(v)) {
                    throw new SetupException(route + ": permission '" + template + "' names {" + v
                            + "}, which is not a path variable of the route");
                }
            }
        }

        @Override
        public String toString() {
            return "permission " + template;
        }
    }

    private static String checkName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new SetupException("a required " + what + " must have a name");
        }
        return name;
    }
}
