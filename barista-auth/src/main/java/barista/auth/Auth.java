package barista.auth;

import barista.Barista;
import barista.Config;
import barista.Context;
import barista.data.Database;
import barista.http.HttpError;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An app's users and how they sign in: the entry point of this module. {@link #of(Barista)} opens
 * the app's {@link Database}, brings the {@code auth_*} tables up to date (seeding role
 * {@code admin} with permission {@code *}), loads users, roles, live keys and sessions into
 * memory, makes itself the app's {@link barista.spi.AccessControl} and adds the {@code /auth}
 * routes. The {@link AuthExtension} does this for every app with this module on its class path.
 *
 * <pre>{@code
 * Auth auth = Auth.of(app);
 * auth.roles().create("analyst", Set.of("model:iris:call"));
 * auth.users().create("ada", password, Set.of("analyst"));
 * app.post("/models/{name}/predict", ...).requires(Requirement.permission("model:{name}:call"));
 * }</pre>
 *
 * <p>Changes made here are seen at once on this node. Each also adds a row to a change log in
 * its own transaction; the other nodes and processes on the same database (the CLI included)
 * read the log's new rows within a fraction of a second ({@code ChangeFeed}: {@code NOTIFY} on
 * PostgreSQL, a poll every 200 ms on SQLite) and then only what they name: the sessions of a
 * sign-in or sign-out, the API keys made or revoked, the user or role changed (a user with its
 * sessions, which a new password or disabling ends, and its keys). A
 * background thread also reads the log every {@code barista.auth.refresh} (default 5 s), so what
 * a feed missed arrives, and every table every 10 minutes, for edits made to them outside
 * Barista; it also writes back when sessions and keys were last used and, once a minute,
 * deletes ended sessions. While the database is unreachable, requests are still checked against
 * the last state read.
 *
 * <p>Threading: thread-safe. {@link #of} and {@link #open} block on the database (start-up).
 * The views' methods say whether they block. The ones that change something commit in a
 * transaction of their own, so they throw {@link IllegalStateException} when called inside one
 * of yours ({@link Database#inTransaction}): they would join it, and this node's memory would
 * keep a change that your transaction then rolled back.
 */
public final class Auth implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("barista.auth");
    /** Where this module's Flyway migrations are. */
    public static final String MIGRATIONS = "classpath:barista/auth/migration";
    /**
     * How often ended sessions and old throttle counts are deleted: each is a scan of its table
     * (about 20 ms at 100,000 sessions), and a request checks a session's end itself.
     */
    private static final long PURGE_MILLIS = TimeUnit.MINUTES.toMillis(1);

    private final ChangeFeed feed;
    private final Directory directory;
    private final LoginThrottle throttle;
    private final PasswordCheck passwordCheck;
    private final Users users;
    private final Roles roles;
    private final ApiKeys apiKeys;
    private final Sessions sessions;
    private final Tokens tokens;
    private final AuthAccessControl accessControl;
    private final ScheduledExecutorService refresher;
    /** When the refresh thread last purged; 0 purges at its first run. */
    private long lastPurge;

    /** {@code listen}: whether to hear other nodes' changes at once (a serving node) or only at each refresh. */
    private Auth(Database db, AuthSettings settings, boolean listen) {
        migrate(db);
        String node = Secrets.token(12); // this process, in the change log and in notices
        feed = ChangeFeed.of(db, node);
        directory = new Directory(db, settings.sessionIdle().toMillis(), feed, new ChangeLog(node));
        directory.reload();
        Users.warnOfReservedNames(directory.users.keySet());
        byte[] secret = settings.jwtSecret() != null ? settings.jwtSecret() : JwtSecret.shared(db);
        throttle = new LoginThrottle(db);
        passwordCheck = new PasswordCheck(directory, throttle, settings.clientIpHeader());
        users = new Users(directory);
        roles = new Roles(directory);
        apiKeys = new ApiKeys(directory);
        sessions = new Sessions(directory, passwordCheck, settings);
        tokens = new Tokens(directory, secret, settings.tokenTtl());
        accessControl = new AuthAccessControl(apiKeys, tokens, sessions);
        refresher = Executors.newSingleThreadScheduledExecutor(
                task -> Thread.ofPlatform().daemon().name("barista-auth-refresh").unstarted(task));
        long every = settings.refresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
        if (listen) {
            feed.listen(directory); // last: nothing above can fail and leave it running
        }
    }

    /**
     * The app's auth, made on first use: the app's database, migrated and loaded; the app's
     * access control; the {@code /auth} routes. Call it before the app starts.
     *
     * @throws barista.SetupException if the database can't be opened or migrated, or a setting is wrong
     */
    public static Auth of(Barista app) {
        return app.service(Auth.class, a -> {
            AuthSettings settings = AuthSettings.fromConfig(a.config());
            Auth auth = new Auth(Database.of(a), settings, true);
            a.onStop(auth::close);
            a.accessControl(auth.accessControl);
            AuthRoutes.add(a, auth);
            return auth;
        });
    }

    /**
     * Auth over a database without an app: for the CLI, scripts and tests. No routes, no access
     * control installed, and no listening for other nodes' changes (it sees them at each refresh);
     * its own changes are announced to the serving nodes all the same. Close it to stop its
     * refresh thread (the database stays open).
     */
    public static Auth open(Database db, Config config) {
        return new Auth(db, AuthSettings.fromConfig(config), false);
    }

    /** Runs this module's migrations on {@code db}: what {@code barista migrate} does for auth. */
    public static int migrate(Database db) {
        return db.migrate("auth", MIGRATIONS);
    }

    public Users users() {
        return users;
    }

    /** What this node holds in memory; for tests in this package. */
    Directory directory() {
        return directory;
    }

    public Roles roles() {
        return roles;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Tokens tokens() {
        return tokens;
    }

    /**
     * Changes the caller's own password, as Django's password change view does: the current
     * password is checked first (throttled like a sign-in), then the new one is set. Every session
     * and bearer token of the user ends with the old password; a caller signed in with a session
     * gets a fresh one on {@code ctx} (cookie set), so the browser stays signed in, and it is
     * returned for its CSRF token. A bearer-token caller asks for a new token.
     *
     * <p>Blocks on two Argon2 hashes (about 160 ms): call it from a handler's virtual thread.
     *
     * @throws HttpError.Unauthorized without a signed-in user
     * @throws HttpError.Forbidden for a request made with an API key, which must not be able to take
     *                             over its owner's account
     * @throws HttpError.UnprocessableContent for a wrong {@code currentPassword} or a new password
     *                                        the policy refuses ({@code newPassword})
     * @throws HttpError 429 when throttled
     */
    public Optional<Session> changeOwnPassword(Context ctx, String currentPassword, String newPassword) {
        if (!(ctx.principal() instanceof AuthPrincipal p)) {
            throw new HttpError.Unauthorized("sign in to change your password");
        }
        if (p.credential() == Credential.API_KEY) {
            throw new HttpError.Forbidden("an API key cannot change a password; sign in or use a bearer token");
        }
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw Users.invalid("currentPassword", "is required", "missing");
        }
        Users.checkPassword("newPassword", newPassword);
        Directory.UserEntry user;
        try {
            user = passwordCheck.check(ctx, p.username(), currentPassword);
        } catch (HttpError e) {
            if (e.status() == 401) {
                throw Users.invalid("currentPassword", "is not your current password", "wrong_password");
            }
            throw e;
        }
        users.setPassword(user.username(), newPassword);
        if (p.credential() != Credential.SESSION) {
            return Optional.empty();
        }
        return Optional.of(sessions.start(ctx, directory.user(user.username())));
    }

    /** The access control {@link #of} installs, for an app that wires it by hand. */
    public barista.spi.AccessControl accessControl() {
        return accessControl;
    }

    PasswordCheck passwordCheck() {
        return passwordCheck;
    }

    /** Re-reads users, roles, keys and sessions now, instead of waiting for the next refresh. Blocks. */
    public void reload() {
        directory.reload();
    }

    private void refresh() {
        try {
            directory.flushTouches();
            long now = System.currentTimeMillis();
            directory.refresh(now);
            if (now - lastPurge >= PURGE_MILLIS) {
                directory.purgeSessions(now);
                throttle.prune();
                lastPurge = now;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "auth refresh failed; keeping the last state read: {0}", e.toString());
        }
    }

    /** Stops the refresh thread after writing back last-used times. Idempotent. */
    @Override
    public void close() {
        if (refresher.isShutdown()) {
            return;
        }
        refresher.shutdown();
        feed.close();
        try {
            refresher.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            directory.flushTouches();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "last-used times not written at close: {0}", e.toString());
        }
    }
}
