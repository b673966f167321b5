package barista.openapi;

import static barista.access.Requirement.authenticated;
import static barista.access.Requirement.permission;
import static barista.access.Requirement.role;

import barista.Barista;
import barista.access.Principal;
import barista.test.TestPrincipal;
import java.util.Map;

/**
 * An app whose routes declare each kind of requirement, with a stand-in access control (the real
 * one, barista-auth, is not a dependency of this module): callers sending {@code X-User} are
 * signed in, with no roles or permissions; everyone else is anonymous.
 */
final class SecuredApp {
    private SecuredApp() {
    }

    /** @param tokenRoute whether the app has {@code POST /auth/token}, as barista-auth adds */
    static Barista create(boolean tokenRoute) {
        Barista app = Barista.create(cfg -> cfg.requestLog(false).title("Secured API").version("1.0.0"));
        app.accessControl(ctx -> ctx.header("X-User") == null ? Principal.anonymous() : TestPrincipal.named(ctx.header("X-User")));
        app.get("/open", ctx -> "hello").returns(String.class);
        app.get("/me", ctx -> ctx.principal().name()).returns(String.class).requires(authenticated());
        app.post("/notes", ExampleApp.Item.class, (ctx, item) -> item).status(201).returns(ExampleApp.Item.class)
                .requires(authenticated());
        app.delete("/users/{id}", ExampleApp.ItemId.class, (ctx, id) -> null).status(204)
                .requires(role("admin"));
        app.post("/models/{name}/predict", ctx -> Map.of("ok", true))
                .requires(authenticated(), permission("model:{name}:call"));
        if (tokenRoute) {
            app.post("/auth/token", ctx -> Map.of("access_token", "t", "token_type", "bearer"));
        }
        return app;
    }
}
