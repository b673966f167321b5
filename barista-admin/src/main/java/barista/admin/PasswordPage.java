package barista.admin;

import barista.Barista;
import barista.Response;
import barista.auth.Auth;
import barista.auth.Session;
import barista.http.FieldError;
import barista.http.HttpError;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /admin/password}: any staff user ({@link Permissions#staff}) changes their own password,
 * like Django admin's "Change password": the current one, then the new one twice. The change
 * ends every other session and bearer token of the user, and this browser continues on a new
 * session. A wrong current password counts towards the sign-in throttle, so the form can't be
 * used to guess it.
 *
 * <p>Threading: virtual threads; the change blocks on two Argon2 hashes.
 */
final class PasswordPage {
    static final String PATH = "/admin/password";

    private final Barista app;
    private final Layout layout;
    private final Flash flash;

    PasswordPage(Barista app, Layout layout, Flash flash) {
        this.app = app;
        this.layout = layout;
        this.flash = flash;
    }

    void install(Guard guard) {
        guard.get(app, PATH, null, v -> page(v, 200, null));
        guard.post(app, PATH, null, this::change);
    }

    private Object change(Visit v) {
        String next = v.ctx().formValue("new_password");
        if (!Objects.equals(next, v.ctx().formValue("new_password_again"))) {
            return page(v, 422, "The two new passwords differ.");
        }
        Optional<Session> renewed;
        try {
            renewed = Auth.of(app).changeOwnPassword(v.ctx(), v.ctx().formValue("current_password"), next);
        } catch (HttpError e) {
            return Guard.withRetryAfter(page(v, e.status(), message(e)), e);
        }
        // the page after this one belongs to the session the change just started
        return flash.redirect(renewed.map(Session::csrfToken).orElse(null), PATH, new Flash.Message(
                "Your password was changed. Your other sessions and bearer tokens have ended; API keys stay until "
                        + "they are revoked.", false));
    }

    /** The refusal in words: which field, and why, without the problem document's jargon. */
    private static String message(HttpError e) {
        if (e.status() == 429) {
            return "Too many wrong passwords. Wait a little and try again.";
        }
        if (e instanceof HttpError.UnprocessableContent u && !u.errors().isEmpty()) {
            FieldError f = u.errors().getFirst();
            if (!"currentPassword".equals(f.location().getLast())) {
                return "The new password " + f.message() + ".";
            }
            return "missing".equals(f.type()) ? "Enter your current password."
                    : "Your current password was entered incorrectly.";
        }
        return "Could not change the password: " + e.getMessage();
    }

    private Response page(Visit v, int status, String error) {
        return layout.page(v, status, "Change password", PATH, p -> {
            if (error != null) {
                Layout.notice(p, error, true);
            }
            p.postForm(PATH, "id", "change-password");
            // the user name lets password managers file the new password under the right account
            p.open("input", "type", "hidden", "name", "username", "autocomplete", "username",
                    "value", v.principal().user());
            p.open("label").text("Current password").open("input", "name", "current_password", "type", "password",
                    "required", "", "autocomplete", "current-password").close();
            p.open("label").text("New password").open("input", "name", "new_password", "type", "password",
                    "required", "", "autocomplete", "new-password").close();
            p.open("label").text("New password again").open("input", "name", "new_password_again", "type",
                    "password", "required", "", "autocomplete", "new-password").close();
            p.el("button", "Change password", "type", "submit");
            p.close();
        });
    }
}
