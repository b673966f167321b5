package barista.auth;

import barista.http.HttpError;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Roles and the permissions they grant. {@code admin} is seeded with {@code *} and can't be
 * deleted, so an app always has a way in. Permissions are free text of {@code :}-separated
 * segments that routes ask for: {@code model:iris:call}, {@code models:manage}, {@code users:manage};
 * see {@link AuthPrincipal#matches} for wildcards.
 *
 * <p>Threading: thread-safe; writers block on the database (call them from a virtual thread);
 * {@link #list} and {@link #find} read memory and never block.
 */
public final class Roles {
    /** The seeded role that holds every permission. */
    public static final String ADMIN = "admin";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    /** Segments joined by {@code :}, none empty: {@code model:iris:call}, {@code model:*:call}. */
    private static final Pattern PERMISSION = Pattern.compile("[A-Za-z0-9_.*@-]+(:[A-Za-z0-9_.*@-]+)*");

    private final Directory directory;

    Roles(Directory directory) {
        this.directory = directory;
    }

    /**
     * @throws HttpError.UnprocessableContent for a bad name or permission
     * @throws HttpError.Conflict if the role exists
     */
    public Role create(String name, Set<String> permissions) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Users.invalid("name", "must be 1 to 64 of A-Z a-z 0-9 _ . : -", "pattern");
        }
        checkPermissions(permissions);
        return directory.writeRole(name, () -> {
            boolean taken = directory.db().inTransaction(h -> {
                if (h.createQuery("SELECT COUNT(*) FROM auth_roles WHERE name = :n").bind("n", name)
                        .mapTo(Integer.class).one() > 0) {
                    return true;
                }
                h.createUpdate("INSERT INTO auth_roles (name, created_at) VALUES (:n, :t)")
                        .bind("n", name).bind("t", System.currentTimeMillis()).execute();
                insertPermissions(h, name, permissions);
                return false;
            });
            if (taken) {
                throw new HttpError.Conflict("role " + name + " already exists");
            }
            directory.roles.put(name, Set.copyOf(permissions));
            return new Role(name, permissions);
        });
    }

    public Optional<Role> find(String name) {
        Set<String> p = name == null ? null : directory.roles.get(name);
        return p == null ? Optional.empty() : Optional.of(new Role(name, p));
    }

    /** Every role, by name, from memory. */
    public List<Role> list() {
        return directory.roles.entrySet().stream().map(e -> new Role(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Role::name)).toList();
    }

    /**
     * Replaces a role's permissions; its users' next requests see them.
     *
     * @throws HttpError.NotFound if there is no such role
     */
    public Role setPermissions(String name, Set<String> permissions) {
        checkPermissions(permissions);
        return directory.writeRole(name, () -> {
            if (!directory.roles.containsKey(name)) {
                throw new HttpError.NotFound("no such role");
            }
            directory.db().useTransaction(h -> {
                h.createUpdate("DELETE FROM auth_role_permissions WHERE role_name = :n").bind("n", name).execute();
                insertPermissions(h, name, permissions);
            });
            directory.roles.put(name, Set.copyOf(permissions));
            return new Role(name, permissions);
        });
    }

    /**
     * Deletes a role and takes it from its users.
     *
     * @throws HttpError.NotFound if there is no such role
     * @throws HttpError.Conflict for {@code admin}
     */
    public void delete(String name) {
        if (ADMIN.equals(name)) {
            throw new HttpError.Conflict("the admin role cannot be deleted");
        }
        directory.writeRole(name, () -> {
            if (!directory.roles.containsKey(name)) {
                throw new HttpError.NotFound("no such role");
            }
            directory.db().useTransaction(h -> {
                h.createUpdate("DELETE FROM auth_user_roles WHERE role_name = :n").bind("n", name).execute();
                h.createUpdate("DELETE FROM auth_role_permissions WHERE role_name = :n").bind("n", name).execute();
                h.createUpdate("DELETE FROM auth_roles WHERE name = :n").bind("n", name).execute();
            });
            directory.forgetRole(name);
        });
    }

    private static void checkPermissions(Set<String> permissions) {
        for (String p : permissions) {
            if (p == null || p.length() > 200 || !PERMISSION.matcher(p).matches()) {
                throw Users.invalid("permissions", "a permission is up to 200 characters: segments of A-Z a-z 0-9 "
                        + "_ . * @ - joined by ':', none empty (model:iris:call), got " + p, "pattern");
            }
        }
    }

    private static void insertPermissions(Handle h, String role, Set<String> permissions) {
        for (String p : permissions) {
            h.createUpdate("INSERT INTO auth_role_permissions (role_name, permission) VALUES (:r, :p)")
                    .bind("r", role).bind("p", p).execute();
        }
    }
}
