package barista.admin;

import barista.Barista;
import barista.auth.Auth;
import barista.auth.Role;
import barista.auth.Roles;
import barista.http.HttpError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /admin/roles}: every role and its permissions; forms to create a role, replace a role's
 * permissions, and delete one (not {@code admin}). Needs {@code users:manage}, and every permission
 * the role has or is given must be one the manager holds ({@link Escalation}). Permissions are
 * typed as text separated by spaces or commas ({@code models:manage model:*:call}).
 *
 * <p>Threading: virtual threads; changes block on the database.
 */
final class RolePages {
    private final Barista app;
    private final Layout layout;
    private final Flash flash;

    RolePages(Barista app, Layout layout, Flash flash) {
        this.app = app;
        this.layout = layout;
        this.flash = flash;
    }

    void install(Guard guard) {
        String perm = Permissions.USERS_MANAGE;
        guard.get(app, "/admin/roles", perm, v -> page(v, 200, null));
        guard.post(app, "/admin/roles", perm, v -> change(v, "created"));
        guard.post(app, "/admin/roles/permissions", perm, v -> change(v, "saved"));
        guard.post(app, "/admin/roles/delete", perm, v -> change(v, "deleted"));
    }

    private Object change(Visit v, String what) {
        String name = v.ctx().formValue("name");
        Roles roles = Auth.of(app).roles();
        Set<String> touched = new LinkedHashSet<>(roles.find(name).map(Role::permissions).orElse(Set.of()));
        if (!what.equals("deleted")) {
            touched.addAll(permissions(v.ctx().formValue("permissions")));
        }
        if (!Escalation.holdsAll(v.principal(), touched)) {
            return page(v, 403, "Could not change role " + name + ": " + Escalation.REFUSED + ".");
        }
        try {
            switch (what) {
                case "created" -> roles.create(name, permissions(v.ctx().formValue("permissions")));
                case "saved" -> roles.setPermissions(name, permissions(v.ctx().formValue("permissions")));
                default -> {
                    if (Roles.ADMIN.equals(name)) {
                        return page(v, 409, "The admin role cannot be deleted.");
                    }
                    roles.delete(name);
                }
            }
        } catch (HttpError e) {
            return page(v, e.status(), "Could not change role " + name + ": " + e.getMessage());
        }
        return flash.redirect(v, "/admin/roles", "Role " + name + " " + what + ".");
    }

    static Set<String> permissions(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            for (String s : text.split("[\\s,]+")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private Object page(Visit v, int status, String error) {
        List<Role> roles = Auth.of(app).roles().list();
        return layout.page(v, status, "Roles", "/admin/roles", p -> {
            if (error != null) {
                Layout.notice(p, error, true);
            }
            p.open("div", "class", "scroll");
            p.open("table", "id", "roles");
            p.open("thead").open("tr");
            for (String h : List.of("Role", "Permissions", "Actions")) {
                p.el("th", h, "scope", "col");
            }
            p.close().close().open("tbody");
            for (Role r : roles) {
                String perms = String.join(" ", new TreeSet<>(r.permissions()));
                p.open("tr", "data-role", r.name());
                p.el("th", r.name(), "scope", "row");
                p.open("td");
                p.postForm("/admin/roles/permissions", "class", "inline");
                p.hidden("name", r.name());
                p.open("input", "name", "permissions", "value", perms, "aria-label", "Permissions of " + r.name());
                p.el("button", "Save", "type", "submit", "class", "secondary");
                p.close();
                p.close();
                p.open("td", "class", "actions");
                if (!Roles.ADMIN.equals(r.name())) {
                    p.postForm("/admin/roles/delete", "class", "inline").hidden("name", r.name())
                            .el("button", "Delete", "type", "submit", "class", "contrast",
                                    "data-confirm", "Delete role " + r.name() + "?")
                            .close();
                }
                p.close();
                p.close();
            }
            p.close().close().close();
            p.el("h2", "New role");
            p.postForm("/admin/roles", "id", "new-role");
            p.open("label").text("Name").open("input", "name", "name", "required", "").close();
            p.open("label").text("Permissions (separated by spaces)")
                    .open("input", "name", "permissions", "placeholder", "predictions:read model:iris:call").close();
            p.el("small", "Known: * (everything), users:manage, models:manage, predictions:read, model:<name>:call.");
            p.el("button", "Create role", "type", "submit");
            p.close();
        });
    }
}
