package barista.auth.tour;

import barista.Barista;
import barista.Config;
import barista.Context;
import barista.access.Principal;
import barista.auth.AccessToken;
import barista.auth.ApiKeyInfo;
import barista.auth.ApiKeys;
import barista.auth.Auth;
import barista.auth.AuthExtension;
import barista.auth.AuthPrincipal;
import barista.auth.AuthSettings;
import barista.auth.Credential;
import barista.auth.NewApiKey;
import barista.auth.Role;
import barista.auth.Roles;
import barista.auth.Session;
import barista.auth.Sessions;
import barista.auth.Tokens;
import barista.auth.User;
import barista.auth.Users;
import barista.data.Database;
import barista.spi.AccessControl;
import barista.spi.Extension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compile-only: calls every public constructor, method and constant of {@code barista-auth}, from
 * outside its package so only the public API is reachable; changing that API breaks the build here
 * first. Never run (no {@code @Test}).
 */
@SuppressWarnings("unused")
final class PublicApiTour {
    private PublicApiTour() {
    }

    static void tour(Barista app, Context ctx, Database db, Config config) throws Exception {
        // Auth: the entry point
        String migrations = Auth.MIGRATIONS;
        Auth auth = Auth.of(app);
        try (Auth standalone = Auth.open(db, config)) {
            int applied = Auth.migrate(db);
            standalone.reload();
        }
        AccessControl ac = auth.accessControl();
        Principal who = ac.authenticate(ctx);
        auth.close();

        Extension ext = new AuthExtension();
        ext.install(app);
        String enabled = AuthExtension.ENABLED;

        // Settings
        AuthSettings s = new AuthSettings(Duration.ofHours(2), Duration.ofHours(12), true, Duration.ofMinutes(15),
                new byte[AuthSettings.MIN_SECRET_BYTES], Duration.ofSeconds(5), "X-Real-IP");
        AuthSettings fromConfig = AuthSettings.fromConfig(config);
        Duration idle = s.sessionIdle();
        Duration max = s.sessionMax();
        boolean secure = s.cookieSecure();
        Duration ttl = s.tokenTtl();
        byte[] secret = s.jwtSecret();
        Duration refresh = s.refresh();
        String ipHeader = s.clientIpHeader();

        // Users
        Users users = auth.users();
        User u = users.create("ada", "correct horse battery", Set.of(Roles.ADMIN));
        Optional<User> found = users.find("ada");
        List<User> all = users.list();
        User withRoles = users.setRoles("ada", Set.of());
        users.setPassword("ada", "another long password");
        User inactive = users.setActive("ada", false);
        String username = u.username();
        Set<String> userRoles = u.roles();
        boolean active = u.active();
        Instant created = u.createdAt();
        User made = new User("bob", Set.of(), true, Instant.now());

        // Roles
        Roles roles = auth.roles();
        Role role = roles.create("analyst", Set.of("model:iris:call"));
        Optional<Role> r = roles.find("analyst");
        List<Role> allRoles = roles.list();
        Role changed = roles.setPermissions("analyst", Set.of("model:*:call"));
        roles.delete("analyst");
        String roleName = role.name();
        Set<String> perms = role.permissions();
        Role madeRole = new Role("r", Set.of());
        String admin = Roles.ADMIN;

        // API keys
        ApiKeys keys = auth.apiKeys();
        String prefix = ApiKeys.PREFIX;
        String manage = ApiKeys.MANAGE_USERS;
        NewApiKey nk = keys.create("ada", "ci", Instant.now().plusSeconds(60));
        String shownOnce = nk.key();
        ApiKeyInfo info = nk.info();
        List<ApiKeyInfo> mine = keys.list("ada");
        List<ApiKeyInfo> every = keys.listAll();
        keys.revoke(info.keyId(), who);
        String keyId = info.keyId();
        String owner = info.username();
        String keyName = info.name();
        Instant keyCreated = info.createdAt();
        Instant expires = info.expiresAt();
        Instant lastUsed = info.lastUsedAt();
        Instant revoked = info.revokedAt();
        ApiKeyInfo madeInfo = new ApiKeyInfo("id", "ada", "n", Instant.now(), null, null, null);
        NewApiKey madeKey = new NewApiKey(madeInfo, "bk_id_secret");

        // Sessions
        Sessions sessions = auth.sessions();
        String cookie = Sessions.COOKIE;
        String header = Sessions.CSRF_HEADER;
        String field = Sessions.CSRF_FIELD;
        Session session = sessions.login(ctx, "ada", "another long password");
        String csrf = sessions.csrfToken(ctx);
        Optional<Session> afterChange = auth.changeOwnPassword(ctx, "another long password", "a third long password");
        sessions.logout(ctx);
        Session onlySome = sessions.login(ctx, "ada", "a third long password", p -> p.authenticated());
        sessions.logout(ctx);
        String su = session.username();
        String sc = session.csrfToken();
        Instant sa = session.createdAt();
        Instant se = session.expiresAt();
        Session madeSession = new Session("ada", "t", Instant.now(), Instant.now());

        // Tokens
        Tokens tokens = auth.tokens();
        String issuer = Tokens.ISSUER;
        AccessToken t = tokens.issue("ada");
        String jwt = t.token();
        long seconds = t.expiresInSeconds();
        AccessToken madeToken = new AccessToken("x", 60);

        // Principals
        AuthPrincipal p = new AuthPrincipal("ada", Set.of("admin"), Set.of("*"), Credential.SESSION, null);
        String name = p.name() + p.user();
        boolean authenticated = p.authenticated();
        boolean hasRole = p.hasRole("admin");
        boolean hasPermission = p.hasPermission("model:iris:call");
        boolean matches = AuthPrincipal.matches("model:*:call", "model:iris:call");
        String pu = p.username();
        Set<String> pr = p.roles();
        Set<String> pp = p.permissions();
        Credential how = p.credential();
        String pk = p.keyId();
        Credential[] kinds = {Credential.SESSION, Credential.API_KEY, Credential.TOKEN};
        Credential parsed = Credential.valueOf("TOKEN");
    }
}
