package barista.routing;

import barista.SetupException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A route path such as {@code /items/{id}/tags}: literal segments and whole-segment variables.
 * Parsed and checked at start-up; matching splits nothing and allocates only the values array.
 */
public final class PathTemplate {
    private final String text;
    private final String[] literals; // null where the segment is a variable
    private final List<String> variables;

    private PathTemplate(String text, String[] literals, List<String> variables) {
        this.text = text;
        this.literals = literals;
        this.variables = List.copyOf(variables);
    }

    /** Parses a template; a malformed one is a {@link SetupException}. */
    public static PathTemplate parse(String text) {
        if (text == null || !text.startsWith("/")) {
            throw new SetupException("route path must start with '/': " + text);
        }
        if (text.contains("?") || text.contains("#")) {
            throw new SetupException("route path must not contain a query or fragment: " + text);
        }
        String[] parts = segments(text);
        String[] literals = new String[parts.length];
        List<String> variables = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                String name = p.substring(1, p.length() - 1);
                if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))
                        || !name.chars().allMatch(Character::isJavaIdentifierPart)) {
                    throw new SetupException("path variable {" + name + "} in " + text + " must be a Java identifier");
                }
                if (!seen.add(name)) {
                    throw new SetupException("path variable {" + name + "} appears twice in " + text);
                }
                variables.add(name);
            } else if (p.contains("{") || p.contains("}")) {
                throw new SetupException("a path variable must be a whole segment, like /items/{id}: " + text);
            } else {
                literals[i] = p;
            }
        }
        return new PathTemplate(text, literals, variables);
    }

    /** The template as declared. */
    public String text() {
        return text;
    }

    /** The variable names, in order. */
    public List<String> variables() {
        return variables;
    }

    public boolean isStatic() {
        return variables.isEmpty();
    }

    /** A key equal for templates that match the same paths ({@code /a/{x}} and {@code /a/{y}}). */
    String shape() {
        StringBuilder sb = new StringBuilder();
        for (String l : literals) {
            sb.append('/').append(l == null ? "{}" : l);
        }
        return sb.toString();
    }

    /** The variable values if the (decoded) path segments match, else {@code null}. */
    String[] match(String[] pathSegments) {
        if (pathSegments.length != literals.length) {
            return null;
        }
        String[] values = new String[variables.size()];
        int v = 0;
        for (int i = 0; i < literals.length; i++) {
            if (literals[i] == null) {
                if (pathSegments[i].isEmpty()) {
                    return null;
                }
                values[v++] = pathSegments[i];
            } else if (!literals[i].equals(pathSegments[i])) {
                return null;
            }
        }
        return values;
    }

    /** Splits {@code /a/b/} into {@code ["a","b",""]}; the root {@code /} into {@code []}. */
    static String[] segments(String path) {
        if (path.equals("/")) {
            return new String[0];
        }
        return path.substring(1).split("/", -1);
    }

    @Override
    public String toString() {
        return text;
    }
}
