package barista.auth;

import static barista.access.Requirement.authenticated;

import barista.Barista;
import barista.Context;
import barista.Response;
import barista.http.HttpError;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON routes under {@code /auth}, tagged {@code auth} in the API docs. Login and token take
 * either a JSON body or an HTML/OAuth2 form ({@code application/x-www-form-urlencoded}), like
 * FastAPI's {@code OAuth2PasswordRequestForm}. Every error is problem+json. Answers carrying a
 * secret or the caller's identity are sent {@code Cache-Control: no-store}.
 *
 * <p>Threading: the routes run on virtual threads: login and token verify a password (about 80 ms)
 * and the key routes use the database.
 */
final class AuthRoutes {
    /** What a JSON login or token request carries. */
    record Credentials(String username, String password) {}

    /** The answer to a login: who signed in and the CSRF token their unsafe requests must echo. */
    record LoginResult(String username, String csrfToken) {}

    /** The caller, as {@code GET /auth/me} shows them. */
    record Me(String username, Set<String> roles, Set<String> permissions, Credential credential) {}

    /** The OAuth2 token response (RFC 6749 section 5.1), hence the snake_case names. */
    record TokenResponse(String access_token, String token_type, long expires_in) {}

    /** A request to change the caller's own password. */
    record PasswordChange(String currentPassword, String newPassword) {}

    /**
     * The answer to a password change: the new session's CSRF token, or null for a caller who
     * used a bearer token and now asks {@code /auth/token} for a new one.
     */
    record PasswordChanged(String username, String csrfToken) {}

    /** A request for a new API key; {@code expiresAt} may be omitted for a key that never expires. */
    record NewKeyRequest(@NotBlank @Size(max = 100) String name, Instant expiresAt) {}

    /**
     * Sent with every answer that holds a secret or says who the caller is (a CSRF token, an API
     * key, a bearer token), so no browser or proxy cache keeps it.
     */
    static final String NO_STORE = "no-store";

    private AuthRoutes() {
    }

    static void add(Barista app, Auth auth) {
        app.post("/auth/login", ctx -> {
            Credentials c = credentials(ctx);
            Session s = auth.sessions().login(ctx, c.username(), c.password());
            ctx.header("Cache-Control", NO_STORE);
            return new LoginResult(s.username(), s.csrfToken());
        }).tags("auth").summary("Sign in with a user name and password")
                .description("Sets the `barista_session` cookie (HttpOnly, SameSite=Lax, Secure). Unsafe requests "
                        + "made with it must send the returned `csrfToken` in `X-CSRF-Token` or form field `_csrf`. "
                        + "Takes JSON or a form. Repeated failures are answered 429 with `Retry-After`.")
                .returns(LoginResult.class);

        app.post("/auth/logout", ctx -> {
            ctx.principal(); // a session-authenticated logout must carry its CSRF token
            auth.sessions().logout(ctx);
            return Response.noContent();
        }).tags("auth").summary("Sign out: end the session and clear its cookie").status(204);

        app.get("/auth/me", ctx -> {
            AuthPrincipal p = (AuthPrincipal) ctx.principal();
            ctx.header("Cache-Control", NO_STORE);
            return new Me(p.username(), new TreeSet<>(p.roles()), new TreeSet<>(p.permissions()), p.credential());
        }).requires(authenticated()).tags("auth").summary("Who the caller is and what they may do")
                .returns(Me.class);

        app.post("/auth/token", ctx -> {
            if (isForm(ctx)) {
                String grant = ctx.formValue("grant_type");
                if (grant != null && !grant.equals("password")) {
                    throw new HttpError.BadRequest("unsupported grant_type; use password");
                }
            }
            Credentials c = credentials(ctx);
            Directory.UserEntry user = auth.passwordCheck().check(ctx, c.username(), c.password());
            AccessToken t = auth.tokens().issue(user.username());
            ctx.header("Cache-Control", NO_STORE);
            return new TokenResponse(t.token(), "bearer", t.expiresInSeconds());
        }).tags("auth").summary("Get a bearer token (OAuth2 password grant)")
                .description("Takes `grant_type=password&username=..&password=..` as a form, or JSON "
                        + "`{\"username\", \"password\"}`. Send the token as `Authorization: Bearer <access_token>`.")
                .returns(TokenResponse.class);

        app.post("/auth/password", PasswordChange.class, (ctx, req) -> {
            Optional<Session> session = auth.changeOwnPassword(ctx, req.currentPassword(), req.newPassword());
            ctx.header("Cache-Control", NO_STORE);
            return new PasswordChanged(username(ctx), session.map(Session::csrfToken).orElse(null));
        }).requires(authenticated()).tags("auth").summary("Change the caller's own password")
                .description("Takes `{\"currentPassword\", \"newPassword\"}`. Every session and bearer token of the user "
                        + "ends; a session caller gets a new session cookie and its `csrfToken` in the answer. A wrong "
                        + "current password is a 422 on `currentPassword` and counts towards the sign-in throttle; "
                        + "a request made with an API key is refused 403.")
                .returns(PasswordChanged.class);

        app.get("/auth/keys", ctx -> {
            ctx.header("Cache-Control", NO_STORE);
            return auth.apiKeys().list(username(ctx));
        })
                .requires(authenticated()).tags("auth").summary("The caller's API keys (never their secrets)")
                .returns(ApiKeyInfo[].class);

        app.post("/auth/keys", NewKeyRequest.class, (ctx, req) -> {
            if (((AuthPrincipal) ctx.principal()).credential() == Credential.API_KEY) {
                // else a key that expires, or is about to be revoked, could mint its successor
                throw new HttpError.Forbidden("an API key cannot create API keys; sign in or use a bearer token");
            }
            NewApiKey key = auth.apiKeys().create(username(ctx), req.name(), req.expiresAt());
            return Response.created(key).withHeader("Cache-Control", NO_STORE); // the only copy of the secret
        })
                .requires(authenticated()).tags("auth").status(201)
                .summary("Create an API key for the caller; the key is shown only in this answer")
                .description("Needs a session or a bearer token: a request made with an API key is refused 403, "
                        + "so a key can't outlive its expiry or revocation by minting another.")
                .returns(NewApiKey.class);

        app.delete("/auth/keys/{id}", ctx -> {
            auth.apiKeys().revoke(ctx.pathParam("id"), ctx.principal());
            return Response.noContent();
        }).requires(authenticated()).tags("auth").status(204)
                .summary("Revoke one of the caller's API keys (anyone's with users:manage)");
    }

    private static String username(Context ctx) {
        return ((AuthPrincipal) ctx.principal()).username();
    }

    private static Credentials credentials(Context ctx) {
        if (isForm(ctx)) {
            return new Credentials(ctx.formValue("username"), ctx.formValue("password"));
        }
        return ctx.body(Credentials.class);
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
