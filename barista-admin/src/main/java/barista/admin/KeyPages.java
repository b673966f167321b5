package barista.admin;

import barista.Barista;
import barista.auth.ApiKeyInfo;
import barista.auth.Auth;
import barista.auth.NewApiKey;
import barista.auth.User;
import barista.http.HttpError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /admin/keys}: every API key with its owner, expiry, last use and whether it was
 * revoked; a form to make a key for a user and a button to revoke one. Needs
 * {@code users:manage}, and only for users whose permissions the manager holds ({@link Escalation}):
 * a key acts as its owner.
 *
 * <p>A new key's secret is shown once, on the page that answers the create form, and never
 * again (only its hash is stored). That answer is therefore the one POST that renders a page
 * instead of redirecting: a redirect would have to carry the secret in a URL or a cookie. It is
 * sent with {@code Cache-Control: no-store} like every admin page, so going back does not show it.
 *
 * <p>Threading: virtual threads; listing and changes block on the database.
 */
final class KeyPages {
    private final Barista app;
    private final Layout layout;
    private final Flash flash;

    KeyPages(Barista app, Layout layout, Flash flash) {
        this.app = app;
        this.layout = layout;
        this.flash = flash;
    }

    void install(Guard guard) {
        String perm = Permissions.USERS_MANAGE;
        guard.get(app, "/admin/keys", perm, v -> page(v, 200, null, null));
        guard.post(app, "/admin/keys", perm, this::create);
        guard.post(app, "/admin/keys/revoke", perm, this::revoke);
    }

    private Object create(Visit v) {
        String username = v.ctx().formValue("username");
        String name = v.ctx().formValue("name");
        String expires = v.ctx().formValue("expires");
        Instant expiresAt = null;
        if (expires != null && !expires.isBlank()) {
            try {
                expiresAt = v.time().endOf(LocalDate.parse(expires)); // the key works through the whole day
            } catch (DateTimeParseException e) {
                return page(v, 422, "Expiry must be a date (yyyy-mm-dd) or empty for never.", null);
            }
        }
        if (!Escalation.mayActOnUser(v.principal(), Auth.of(app), username)) {
            return page(v, 403, "Could not create the key: " + Escalation.REFUSED + ".", null);
        }
        NewApiKey key;
        try {
            key = Auth.of(app).apiKeys().create(username, name, expiresAt);
        } catch (HttpError e) {
            return page(v, e.status(), "Could not create the key: " + e.getMessage(), null);
        }
        return page(v, 200, null, key);
    }

    private Object revoke(Visit v) {
        String keyId = v.ctx().formValue("keyId");
        if (keyId == null || keyId.isBlank()) { // a form without the field, not one of the page's buttons
            return page(v, 422, "Could not revoke: no key was chosen.", null);
        }
        String owner = Auth.of(app).apiKeys().listAll().stream().filter(k -> k.keyId().equals(keyId))
                .map(ApiKeyInfo::username).findFirst().orElse(null);
        if (owner != null && !Escalation.mayActOnUser(v.principal(), Auth.of(app), owner)) {
            return page(v, 403, "Could not revoke " + keyId + ": " + Escalation.REFUSED + ".", null);
        }
        try {
            Auth.of(app).apiKeys().revoke(keyId, v.principal());
        } catch (HttpError e) {
            return page(v, e.status(), "Could not revoke " + keyId + ": " + e.getMessage(), null);
        }
        return flash.redirect(v, "/admin/keys", "Revoked key " + keyId + ".");
    }

    private Object page(Visit v, int status, String error, NewApiKey created) {
        Auth auth = Auth.of(app);
        List<ApiKeyInfo> keys = auth.apiKeys().listAll();
        List<User> users = auth.users().list();
        Instant now = Instant.now();
        return layout.page(v, status, "API keys", "/admin/keys", p -> {
            if (error != null) {
                Layout.notice(p, error, true);
            }
            if (created != null) {
                p.open("article", "id", "new-key");
                p.el("h2", "Key " + created.info().name() + " for " + created.info().username());
                p.el("p", "Copy this secret now. It is shown only once and cannot be recovered.");
                p.el("output", created.key(), "class", "secret", "id", "new-key-secret");
                p.close();
            }
            p.open("div", "class", "scroll");
            p.open("table", "id", "keys");
            p.open("thead").open("tr");
            for (String h : List.of("Key id", "Owner", "Name", "Created (" + v.time().label() + ")",
                    "Expires (" + v.time().label() + ")", "Last used (" + v.time().label() + ")", "Status", "")) {
                p.el("th", h, "scope", "col");
            }
            p.close().close().open("tbody");
            for (ApiKeyInfo k : keys) {
                boolean expired = k.expiresAt() != null && !k.expiresAt().isAfter(now);
                p.open("tr", "data-key", k.keyId());
                p.el("th", k.keyId(), "scope", "row");
                p.el("td", k.username());
                p.el("td", k.name());
                p.el("td", time(v, k.createdAt()));
                p.el("td", k.expiresAt() == null ? "never" : time(v, k.expiresAt()));
                p.el("td", k.lastUsedAt() == null ? "never" : time(v, k.lastUsedAt()));
                p.el("td", k.revokedAt() != null ? "revoked " + time(v, k.revokedAt()) : expired ? "expired" : "active");
                p.open("td", "class", "actions");
                if (k.revokedAt() == null) {
                    p.postForm("/admin/keys/revoke", "class", "inline").hidden("keyId", k.keyId())
                            .el("button", "Revoke", "type", "submit", "class", "contrast",
                                    "data-confirm", "Revoke key " + k.name() + " of " + k.username() + "?")
                            .close();
                }
                p.close();
                p.close();
            }
            p.close().close().close();
            p.el("h2", "New key");
            p.postForm("/admin/keys", "id", "new-key-form");
            p.open("label").text("User");
            p.open("select", "name", "username", "required", "");
            for (User u : users) {
                if (u.active()) {
                    p.el("option", u.username(), "value", u.username(),
                            "selected", u.username().equals(v.principal().name()) ? "" : null);
                }
            }
            p.close().close();
            p.open("label").text("Name").open("input", "name", "name", "required", "", "maxlength", "100",
                    "placeholder", "ci-pipeline").close();
            p.open("label").text("Expires after (a date, " + v.time().label() + "; empty: never)")
                    .open("input", "name", "expires", "type", "date").close();
            p.el("button", "Create key", "type", "submit");
            p.close();
        });
    }

    private static String time(Visit v, Instant t) {
        return t == null ? "" : v.time().format(t);
    }
}
