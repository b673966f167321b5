package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.data.DataSettings;
import barista.data.Database;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nodes and the CLI on one database: what one changes, the others see within a fraction of a
 * second through the change feed, or at their refresh; both nodes sign the same tokens.
 */
class OtherNodeChangesTest {
    @TempDir
    Path dir;

    /** Node A where changes are made, node B (refreshing every 200 ms) where they must arrive; ada exists. */
    private record Nodes(Barista nodeA, Barista nodeB, Auth a, Auth b, TestClient clientB) implements AutoCloseable {
        static Nodes start(TestDatabase.Scratch scratch) {
            Barista nodeA = scratch.app();
            Barista nodeB = scratch.app(cfg -> cfg.property("barista.auth.refresh", "200ms"));
            Auth a = Auth.of(nodeA);
            a.users().create("ada", PASSWORD, Set.of());
            Auth b = Auth.of(nodeB);
            b.reload();
            return new Nodes(nodeA, nodeB, a, b, TestClient.inProcess(nodeB));
        }

        int meOnB(String header, String value) {
            return clientB.request("GET", "/auth/me").header(header, value).send().status();
        }

        @Override
        public void close() {
            nodeA.stop();
            nodeB.stop();
        }
    }

    /** Two nodes that refresh once an hour: only the change feed brings what one changes to the other. */
    private record Quiet(Barista nodeA, Barista nodeB, Auth a, Auth b, TestClient clientA, TestClient clientB)
            implements AutoCloseable {
        static Quiet start(TestDatabase.Scratch scratch) {
            Barista nodeA = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            Barista nodeB = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            return new Quiet(nodeA, nodeB, Auth.of(nodeA), Auth.of(nodeB), TestClient.inProcess(nodeA),
                    TestClient.inProcess(nodeB));
        }

        @Override
        public void close() {
            clientA.close();
            clientB.close();
            nodeA.stop();
            nodeB.stop();
        }
    }

    /**
     * Node A, and B: auth with no app on the same database, which hears nothing; it learns what A
     * changes only when the test makes it catch up, purge or reload. Sessions idle after {@code sessionIdle}.
     */
    private record Unheard(Barista nodeA, Auth a, TestClient clientA, Database otherDb, Auth b) implements AutoCloseable {
        static Unheard start(TestDatabase.Scratch scratch, String sessionIdle) {
            Barista nodeA = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h")
                    .property("barista.auth.session-idle", sessionIdle));
            Barista other = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h")
                    .property("barista.auth.session-idle", sessionIdle));
            Database otherDb = null;
            try {
                otherDb = Database.open(DataSettings.fromConfig(other.config()));
                return new Unheard(nodeA, Auth.of(nodeA), TestClient.inProcess(nodeA), otherDb,
                        Auth.open(otherDb, other.config()));
            } catch (RuntimeException e) {
                if (otherDb != null) {
                    otherDb.close();
                }
                nodeA.stop();
                throw e;
            }
        }

        @Override
        public void close() {
            try (Database d = otherDb; TestClient c = clientA) { // each closed even if one before it throws
                b.close();
            } finally {
                nodeA.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_key_revoked_and_a_user_disabled_on_one_node_stop_working_on_the_other(TestDatabase db) {
        try (var scratch = db.scratch(dir); Nodes nodes = Nodes.start(scratch)) {
            NewApiKey key = nodes.a().apiKeys().create("ada", "k", null);
            String token = nodes.a().tokens().issue("ada").token();
            nodes.b().reload();
            assertThat(nodes.meOnB("X-API-Key", key.key())).isEqualTo(200);
            assertThat(nodes.meOnB("Authorization", "Bearer " + token)).isEqualTo(200);

            nodes.a().apiKeys().revoke(key.info().keyId(),
                    new AuthPrincipal("ada", Set.of(), Set.of(), Credential.SESSION, null));
            nodes.a().users().setActive("ada", false);

            assertThat(within5s(401, () -> nodes.meOnB("X-API-Key", key.key()))).isEqualTo(401);
            assertThat(within5s(401, () -> nodes.meOnB("Authorization", "Bearer " + token))).isEqualTo(401);
            int secrets = Database.of(nodes.nodeA()).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM auth_settings")
                    .mapTo(Integer.class).one());
            assertThat(secrets).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_password_changed_on_one_node_ends_its_tokens_on_the_other(TestDatabase db) {
        try (var scratch = db.scratch(dir); Nodes nodes = Nodes.start(scratch)) {
            String token = nodes.a().tokens().issue("ada").token();
            assertThat(nodes.meOnB("Authorization", "Bearer " + token)).isEqualTo(200);

            nodes.a().users().setPassword("ada", "another long password");

            assertThat(within5s(401, () -> nodes.meOnB("Authorization", "Bearer " + token))).isEqualTo(401);
            String fresh = nodes.b().tokens().issue("ada").token();
            assertThat(nodes.meOnB("Authorization", "Bearer " + fresh)).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_sign_in_and_a_revocation_arrive_at_once_not_at_the_next_refresh(TestDatabase db) {
        // an hour between refreshes: only the change feed (NOTIFY, or SQLite's counter) brings the changes in time
        try (var scratch = db.scratch(dir)) {
            Barista nodeA = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            // the smallest pool on B: on PostgreSQL listening takes a connection of its own, not one of these two
            Barista nodeB = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h").property("barista.data.pool-size", "2"));
            try (var clientA = TestClient.inProcess(nodeA); var clientB = TestClient.inProcess(nodeB)) {
                Auth a = Auth.of(nodeA);
                Auth b = Auth.of(nodeB);
                a.users().create("ada", PASSWORD, Set.of());

                var signIn = Fixtures.login(clientA, "ada", PASSWORD);
                String cookie = Fixtures.sessionCookie(signIn);
                IntSupplier meOnB = () -> clientB.request("GET", "/auth/me").cookie(Sessions.COOKIE, cookie).send().status();
                assertThat(within(2000, 200, meOnB)).as("the session started on A, used on B").isEqualTo(200);

                NewApiKey key = a.apiKeys().create("ada", "k", null);
                IntSupplier keyOnB = () -> clientB.request("GET", "/auth/me").header("X-API-Key", key.key()).send().status();
                assertThat(within(2000, 200, keyOnB)).isEqualTo(200);
                a.apiKeys().revoke(key.info().keyId(), new AuthPrincipal("ada", Set.of(), Set.of(), Credential.SESSION, null));
                assertThat(within(2000, 401, keyOnB)).as("the key revoked on A, used on B").isEqualTo(401);

                assertThat(clientA.request("POST", "/auth/logout").cookie(Sessions.COOKIE, cookie)
                        .header(Sessions.CSRF_HEADER, signIn.json().get("csrfToken").asText()).send().status()).isEqualTo(204);
                assertThat(within(2000, 401, meOnB)).as("signed out on A").isEqualTo(401);
                assertThat(b.users().find("ada")).isPresent();
            } finally {
                nodeA.stop();
                nodeB.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_sign_in_and_out_and_a_key_made_and_revoked_elsewhere_read_only_their_rows(TestDatabase db) {
        try (var scratch = db.scratch(dir); Quiet nodes = Quiet.start(scratch)) {
            Auth a = nodes.a();
            Auth b = nodes.b();
            TestClient clientA = nodes.clientA();
            TestClient clientB = nodes.clientB();
            a.users().create("ada", PASSWORD, Set.of());

            assertThat(within(2000, 1, () -> b.directory().user("ada") == null ? 0 : 1)).isEqualTo(1);
            long fullReads = b.directory().fullReloads();

            var signIn = Fixtures.login(clientA, "ada", PASSWORD);
            String cookie = Fixtures.sessionCookie(signIn);
            IntSupplier meOnB = () -> clientB.request("GET", "/auth/me").cookie(Sessions.COOKIE, cookie).send().status();
            assertThat(within(2000, 200, meOnB)).as("the session started on A, used on B").isEqualTo(200);
            assertThat(clientA.request("POST", "/auth/logout").cookie(Sessions.COOKIE, cookie)
                    .header(Sessions.CSRF_HEADER, signIn.json().get("csrfToken").asText()).send().status()).isEqualTo(204);
            assertThat(within(2000, 401, meOnB)).as("signed out on A").isEqualTo(401);

            // a key made and revoked on A: B reads just that key's row
            NewApiKey key = a.apiKeys().create("ada", "k", null);
            IntSupplier keyOnB = () -> clientB.request("GET", "/auth/me").header("X-API-Key", key.key()).send().status();
            assertThat(within(2000, 200, keyOnB)).as("the key made on A, used on B").isEqualTo(200);
            a.apiKeys().revoke(key.info().keyId(), new AuthPrincipal("ada", Set.of(), Set.of(), Credential.SESSION, null));
            assertThat(within(2000, 401, keyOnB)).as("the key revoked on A, used on B").isEqualTo(401);

            assertThat(b.directory().fullReloads()).as("full reads on B").isEqualTo(fullReads);

            // B missed ada (as if her notice had been lost): her next session makes it read everything
            b.directory().users.remove("ada");
            String again = Fixtures.sessionCookie(Fixtures.login(clientA, "ada", PASSWORD));
            assertThat(within(2000, 200, () -> clientB.request("GET", "/auth/me").cookie(Sessions.COOKIE, again)
                    .send().status())).isEqualTo(200);
            assertThat(b.directory().fullReloads()).isEqualTo(fullReads + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void users_and_roles_changed_elsewhere_read_only_their_rows(TestDatabase db) {
        try (var scratch = db.scratch(dir); Quiet nodes = Quiet.start(scratch)) {
            Auth a = nodes.a();
            Auth b = nodes.b();
            TestClient clientA = nodes.clientA();
            TestClient clientB = nodes.clientB();
            a.roles().create("analyst", Set.of("model:iris:call"));
            assertThat(within(2000, 1, () -> b.roles().find("analyst").isPresent() ? 1 : 0)).isEqualTo(1);
            long fullReads = b.directory().fullReloads(); // B's first reads are behind it now

            a.users().create("ada", PASSWORD, Set.of("analyst"));
            assertThat(within(2000, 1, () -> b.users().find("ada").isPresent() ? 1 : 0)).isEqualTo(1);
            assertThat(b.users().find("ada").orElseThrow().roles()).containsExactly("analyst");
            IntSupplier permissions = () -> b.directory().permissionsOf(b.directory().user("ada"))
                    .equals(Set.of("model:digits:call")) ? 1 : 0;
            a.roles().setPermissions("analyst", Set.of("model:digits:call"));
            assertThat(within(2000, 1, permissions)).as("a role's new permissions").isEqualTo(1);

            String cookie = Fixtures.sessionCookie(Fixtures.login(clientA, "ada", PASSWORD));
            NewApiKey key = a.apiKeys().create("ada", "k", null);
            IntSupplier sessionOnB = () -> clientB.request("GET", "/auth/me").cookie(Sessions.COOKIE, cookie).send().status();
            IntSupplier keyOnB = () -> clientB.request("GET", "/auth/me").header("X-API-Key", key.key()).send().status();
            assertThat(within(2000, 200, sessionOnB)).isEqualTo(200);
            assertThat(within(2000, 200, keyOnB)).isEqualTo(200);

            a.users().setPassword("ada", "another long password");
            assertThat(within(2000, 401, sessionOnB)).as("a session ended by a new password on A").isEqualTo(401);
            assertThat(keyOnB.getAsInt()).as("keys outlive a new password").isEqualTo(200);
            a.users().setActive("ada", false);
            assertThat(within(2000, 401, keyOnB)).as("the key of a user disabled on A").isEqualTo(401);
            a.users().setActive("ada", true);
            assertThat(within(2000, 200, keyOnB)).as("and enabled again").isEqualTo(200);

            a.roles().delete("analyst");
            assertThat(within(2000, 1, () -> b.users().find("ada").orElseThrow().roles().isEmpty() ? 1 : 0))
                    .as("a role deleted on A, taken from its users on B").isEqualTo(1);
            assertThat(b.roles().find("analyst")).isEmpty();

            assertThat(b.directory().fullReloads()).as("full reads on B").isEqualTo(fullReads);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void changes_read_in_one_catch_up_a_role_deleted_and_made_again_and_a_role_made_outside_barista(TestDatabase db) {
        try (var scratch = db.scratch(dir); Unheard nodes = Unheard.start(scratch, "2h")) {
            Auth a = nodes.a();
            Auth b = nodes.b();
            Barista nodeA = nodes.nodeA();
            a.roles().create("analyst", Set.of("model:iris:call"));
            a.users().create("ada", PASSWORD, Set.of("analyst"));
            b.reload();
            long fullReads = b.directory().fullReloads();

            // ada loses the role with its deletion; the new role of that name is bob's only
            a.roles().delete("analyst");
            a.roles().create("analyst", Set.of("models:manage"));
            a.users().create("bob", PASSWORD, Set.of("analyst"));
            b.directory().catchUp();
            assertThat(b.users().find("ada").orElseThrow().roles()).isEmpty();
            assertThat(b.directory().permissionsOf(b.directory().user("bob"))).containsExactly("models:manage");

            // a role made in the database by hand, which no log row names, given to ada on A
            Database.of(nodeA).useHandle(h -> h.execute(
                    "INSERT INTO auth_roles (name, created_at) VALUES ('auditor', 0)"));
            Database.of(nodeA).useHandle(h -> h.execute(
                    "INSERT INTO auth_role_permissions (role_name, permission) VALUES ('auditor', 'log:read')"));
            a.reload();
            a.users().setRoles("ada", Set.of("auditor"));
            b.directory().catchUp();
            assertThat(b.directory().permissionsOf(b.directory().user("ada"))).containsExactly("log:read");

            assertThat(b.directory().fullReloads()).as("full reads on B").isEqualTo(fullReads);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_session_used_only_on_another_node_outlives_this_ones_purge_and_an_idle_one_does_not(TestDatabase db)
            throws InterruptedException {
        // idle after 4 s; last-seen times move in the database every second of use
        try (var scratch = db.scratch(dir); Unheard nodes = Unheard.start(scratch, "4s")) {
            Auth a = nodes.a();
            Auth b = nodes.b();
            TestClient clientA = nodes.clientA();
            Database otherDb = nodes.otherDb();
            a.users().create("ada", PASSWORD, Set.of());
            String used = Fixtures.sessionCookie(Fixtures.login(clientA, "ada", PASSWORD));
            String idle = Fixtures.sessionCookie(Fixtures.login(clientA, "ada", PASSWORD));
            b.reload();
            assertThat(b.directory().sessions).containsKeys(Secrets.sha256Hex(used), Secrets.sha256Hex(idle));

            long until = System.currentTimeMillis() + 4500;
            while (System.currentTimeMillis() < until) { // used on A only, past B's idea of its idle timeout
                assertThat(clientA.request("GET", "/auth/me").cookie(Sessions.COOKIE, used).send().status()).isEqualTo(200);
                a.directory().flushTouches();
                Thread.sleep(100);
            }
            long now = System.currentTimeMillis();
            a.directory().purgeSessions(now);
            b.directory().purgeSessions(now);

            assertThat(b.directory().session(Secrets.sha256Hex(used))).as("the session in use on A").isNotNull();
            assertThat(b.directory().session(Secrets.sha256Hex(idle))).as("the idle one").isNull();
            int rows = otherDb.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM auth_sessions").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_session_used_on_another_node_moves_its_time_here_without_a_read_of_its_row(TestDatabase db)
            throws InterruptedException {
        // idle after 4 s, so last-seen times are written back once they move by a second
        try (var scratch = db.scratch(dir); Unheard nodes = Unheard.start(scratch, "4s")) {
            Auth a = nodes.a();
            Auth b = nodes.b();
            TestClient clientA = nodes.clientA();
            Database otherDb = nodes.otherDb();
            a.users().create("ada", PASSWORD, Set.of());
            String known = Secrets.sha256Hex(Fixtures.sessionCookie(Fixtures.login(clientA, "ada", PASSWORD)));
            var signIn = Fixtures.login(clientA, "ada", PASSWORD);
            String cookie = Fixtures.sessionCookie(signIn);
            String missed = Secrets.sha256Hex(cookie);
            b.reload();
            b.directory().sessions.remove(missed); // as if B had never heard of it

            Thread.sleep(1100);
            for (String id : Set.of(known, missed)) { // used on A a second later
                a.directory().session(id).lastSeen = System.currentTimeMillis();
            }
            a.directory().flushTouches();
            // the known session's row is gone: B would drop it if it read the row
            otherDb.useHandle(h -> h.createUpdate("DELETE FROM auth_sessions WHERE id_hash = :h").bind("h", known).execute());
            b.directory().catchUp();

            assertThat(b.directory().session(known)).as("moved, not read").isNotNull();
            assertThat(b.directory().session(known).lastSeen).isEqualTo(a.directory().session(known).lastSeen);
            assertThat(b.directory().session(missed)).as("unknown here: read").isNotNull();
            assertThat(b.directory().session(missed).lastSeen).isEqualTo(a.directory().session(missed).lastSeen);

            // signed out, and B has read that; then a node's write-back from before commits late
            assertThat(clientA.request("POST", "/auth/logout").cookie(Sessions.COOKIE, cookie)
                    .header(Sessions.CSRF_HEADER, signIn.json().get("csrfToken").asText()).send().status()).isEqualTo(204);
            b.directory().catchUp();
            assertThat(b.directory().session(missed)).isNull();
            otherDb.useHandle(h -> h.createUpdate("INSERT INTO auth_change_log (node, kind, subject, seen_at) "
                    + "VALUES ('late', 'session', :h, :t)").bind("h", missed).bind("t", System.currentTimeMillis()).execute());
            b.directory().catchUp();
            assertThat(b.directory().session(missed)).as("read, and still ended").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_change_from_a_process_of_an_earlier_version_is_read_at_once(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista node = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            try {
                Auth auth = Auth.of(node);
                Database data = Database.of(node);
                // as such a process changes things: the tables, then its counter or its plain notice; no log row
                data.useHandle(h -> h.createUpdate("INSERT INTO auth_users (username, password_hash, active, created_at) "
                        + "VALUES ('old', 'x', :active, 0)").bind("active", true).execute());
                if (db == TestDatabase.POSTGRESQL) {
                    data.useHandle(h -> h.createQuery("SELECT pg_notify(:channel, 'a-node-of-before')")
                            .bind("channel", "barista_auth." + scratch.schema()).mapToMap().one());
                } else {
                    data.useHandle(h -> h.execute("UPDATE auth_changes SET version = version + 1 WHERE id = 1"));
                }
                assertThat(within(2000, 1, () -> auth.users().find("old").isPresent() ? 1 : 0)).isEqualTo(1);
            } finally {
                node.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void what_the_cli_changes_counts_on_a_serving_node_at_once(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista node = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            Barista cliConfig = scratch.app(cfg -> cfg.property("barista.auth.refresh", "1h"));
            try (var client = TestClient.inProcess(node)) {
                Auth.of(node);
                // as `barista createuser` does: a database of its own, auth without an app
                try (Database cliDb = Database.open(DataSettings.fromConfig(cliConfig.config()));
                     Auth cli = Auth.open(cliDb, cliConfig.config())) {
                    cli.users().create("ada", PASSWORD, Set.of());
                    NewApiKey key = cli.apiKeys().create("ada", "k", null);
                    IntSupplier keyOnNode = () -> client.request("GET", "/auth/me").header("X-API-Key", key.key()).send().status();
                    assertThat(within(2000, 200, keyOnNode)).as("a user and key made by the CLI").isEqualTo(200);

                    cli.users().setActive("ada", false);
                    assertThat(within(2000, 401, keyOnNode)).as("the user disabled by the CLI").isEqualTo(401);
                }
            } finally {
                node.stop();
            }
        }
    }

    /** Asks until the answer is {@code wanted} or {@code millis} have passed; the last answer. */
    private static int within(long millis, int wanted, IntSupplier status) {
        long deadline = System.currentTimeMillis() + millis;
        int last = status.getAsInt();
        while (last != wanted && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            last = status.getAsInt();
        }
        return last;
    }

    /** Asks until the answer is {@code wanted} or 5 s have passed; the last answer. */
    private static int within5s(int wanted, IntSupplier status) {
        return within(5000, wanted, status);
    }
}
