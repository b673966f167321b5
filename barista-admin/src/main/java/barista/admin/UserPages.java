package barista.admin;

import barista.Barista;
import barista.admin.html.Page;
import barista.auth.Auth;
import barista.auth.Role;
import barista.auth.User;
import barista.http.HttpError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /admin/users}: every user with their roles and whether they are active; forms to create
 * a user, set a user's roles or password, and deactivate or reactivate one. All need {@code users:manage}, and
 * the {@link Escalation} rule: no granting or touching permissions the manager doesn't hold.
 * A change that works redirects back (POST-redirect-GET); one that the auth module refuses (a
 * taken name, a short password) shows the page again with its reason and status.
 *
 * <p>Threading: virtual threads; changes block on the database and, for a password, on Argon2.
 */
final class UserPages {
    private static final String PATH = "/admin/users";

    private final Barista app;
    private final Layout layout;
    private final Flash flash;

    UserPages(Barista app, Layout layout, Flash flash) {
        this.app = app;
        this.layout = layout;
        this.flash = flash;
    }

    void install(Guard guard) {
        String perm = Permissions.USERS_MANAGE;
        guard.get(app, "/admin/users", perm, v -> page(v, 200, null));
        guard.post(app, "/admin/users", perm, this::create);
        guard.post(app, "/admin/users/roles", perm, this::setRoles);
        guard.post(app, "/admin/users/active", perm, this::setActive);
        guard.post(app, "/admin/users/password", perm, this::setPassword);
    }

    private Auth auth() {
        return Auth.of(app);
    }

    private Object create(Visit v) {
        String username = v.ctx().formValue("username");
        if (!Escalation.mayGrantRoles(v.principal(), auth(), roles(v))) {
            return page(v, 403, "Could not create " + username + ": " + Escalation.REFUSED + ".");
        }
        try {
            auth().users().create(username, v.ctx().formValue("password"), roles(v));
        } catch (HttpError e) {
            return page(v, e.status(), "Could not create " + username + ": " + e.getMessage());
        }
        return flash.redirect(v, PATH, "Created user " + username + ".");
    }

    private Object setRoles(Visit v) {
        String username = v.ctx().formValue("username");
        if (!Escalation.mayActOnUser(v.principal(), auth(), username)
                || !Escalation.mayGrantRoles(v.principal(), auth(), roles(v))) {
            return page(v, 403, "Could not change the roles of " + username + ": " + Escalation.REFUSED + ".");
        }
        try {
            auth().users().setRoles(username, roles(v));
        } catch (HttpError e) {
            return page(v, e.status(), "Could not change the roles of " + username + ": " + e.getMessage());
        }
        return flash.redirect(v, PATH, "Saved the roles of " + username + ".");
    }

    private Object setActive(Visit v) {
        String username = v.ctx().formValue("username");
        boolean active = "true".equals(v.ctx().formValue("active"));
        if (!active && username != null && username.equals(v.principal().name())) {
            return page(v, 409, "You cannot deactivate your own account.");
        }
        if (!Escalation.mayActOnUser(v.principal(), auth(), username)) {
            return page(v, 403, "Could not change " + username + ": " + Escalation.REFUSED + ".");
        }
        try {
            auth().users().setActive(username, active);
        } catch (HttpError e) {
            return page(v, e.status(), "Could not change " + username + ": " + e.getMessage());
        }
        return flash.redirect(v, PATH, (active ? "Reactivated " : "Deactivated ") + username + ".");
    }

    /**
     * Sets another user's password, as Django admin's form for a user does; their sessions and
     * tokens end. Not your own: that needs your current password, on {@link PasswordPage}, so a
     * stolen session of a user manager can't lock its owner out.
     */
    private Object setPassword(Visit v) {
        String username = v.ctx().formValue("username");
        if (username != null && username.equals(v.principal().user())) {
            return page(v, 409, "Change your own password on the Password page, with your current one.");
        }
        if (!Escalation.mayActOnUser(v.principal(), auth(), username)) {
            return page(v, 403, "Could not set the password of " + username + ": " + Escalation.REFUSED + ".");
        }
        try {
            auth().users().setPassword(username, v.ctx().formValue("password"));
        } catch (HttpError e) {
            return page(v, e.status(), "Could not set the password of " + username + ": " + e.getMessage());
        }
        return flash.redirect(v, PATH, "Set a new password for " + username + ".");
    }

    private static Set<String> roles(Visit v) {
        return new LinkedHashSet<>(v.ctx().form().getOrDefault("roles", List.of()));
    }

    private Object page(Visit v, int status, String error) {
        List<User> users = auth().users().list();
        List<String> roleNames = auth().roles().list().stream().map(Role::name).toList();
        return layout.page(v, status, "Users", PATH, p -> {
            if (error != null) {
                Layout.notice(p, error, true);
            }
            p.open("div", "class", "scroll");
            p.open("table", "id", "users");
            p.open("thead").open("tr");
            for (String h : List.of("User", "Roles", "Status", "Created (" + v.time().label() + ")", "Actions")) {
                p.el("th", h, "scope", "col");
            }
            p.close().close().open("tbody");
            for (User u : users) {
                p.open("tr", "data-user", u.username());
                p.el("th", u.username(), "scope", "row");
                p.open("td");
                p.postForm("/admin/users/roles", "class", "inline");
                p.hidden("username", u.username());
                roleBoxes(p, roleNames, u.roles());
                p.el("button", "Save roles", "type", "submit", "class", "secondary");
                p.close();
                p.close();
                p.el("td", u.active() ? "active" : "deactivated");
                p.el("td", u.createdAt() == null ? "" : v.time().format(u.createdAt()));
                p.open("td", "class", "actions");
                p.postForm("/admin/users/active", "class", "inline");
                p.hidden("username", u.username()).hidden("active", u.active() ? "false" : "true");
                p.el("button", u.active() ? "Deactivate" : "Reactivate", "type", "submit",
                        "class", u.active() ? "contrast" : "secondary",
                        "data-confirm", u.active() ? "Deactivate " + u.username() + "?" : null);
                p.close();
                if (u.username().equals(v.principal().user())) {
                    p.el("a", "Change your password", "href", PasswordPage.PATH);
                } else {
                    p.postForm("/admin/users/password", "class", "inline");
                    p.hidden("username", u.username());
                    p.open("input", "name", "password", "type", "password", "required", "", "autocomplete",
                            "new-password", "aria-label", "New password for " + u.username(), "placeholder", "New password");
                    p.el("button", "Set password", "type", "submit", "class", "secondary");
                    p.close();
                }
                p.close();
                p.close();
            }
            p.close().close().close();
            p.el("h2", "New user");
            p.postForm("/admin/users", "id", "new-user");
            p.open("label").text("User name").open("input", "name", "username", "required", "", "autocomplete", "off",
                    "pattern", "[A-Za-z0-9_.@\\-]{1,64}").close();
            p.open("label").text("Password").open("input", "name", "password", "type", "password", "required", "",
                    "autocomplete", "new-password").close();
            roleBoxes(p, roleNames, Set.of());
            p.el("button", "Create user", "type", "submit");
            p.close();
        });
    }

    private static void roleBoxes(Page p, List<String> roleNames, Set<String> checked) {
        p.open("fieldset", "class", "roles");
        p.el("legend", "Roles");
        for (String r : roleNames) {
            p.open("label");
            p.open("input", "type", "checkbox", "name", "roles", "value", r, "checked", checked.contains(r) ? "" : null);
            p.text(r);
            p.close();
        }
        p.close();
    }
}
