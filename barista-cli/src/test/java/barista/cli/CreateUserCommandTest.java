package barista.cli;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.Config;
import barista.auth.Auth;
import barista.test.TestClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code barista createuser} makes the first admin in the app's database, who can then sign in. */
class CreateUserCommandTest {
    @TempDir
    Path dir;

    private Barista app(Consumer<Config.Builder> more) {
        return Barista.create(cfg -> {
            cfg.port(0).requestLog(false).property("barista.data.url", "jdbc:sqlite:" + dir.resolve("app.db"));
            more.accept(cfg);
        });
    }

    private record Run(int exit, String out, String err) {}

    private Run run(String stdin, String... args) {
        BaristaCli cli = new BaristaCli(() -> app(cfg -> { }).config(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
        CommandLine cmd = BaristaCli.commandLine(cli);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void createuser_creates_an_admin_who_can_sign_in_and_reach_admin_routes() {
        Run r = run("correct horse battery\n", "createuser", "--username", "root", "--role", "admin", "--password-stdin");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("created user root with roles admin");

        Barista app = app(cfg -> { });
        Auth.of(app);
        app.get("/admin/ping", ctx -> "pong").requires(barista.access.Requirement.role("admin"));
        var client = TestClient.inProcess(app);
        var login = client.post("/auth/login", Map.of("username", "root", "password", "correct horse battery"));
        assertThat(login.status()).isEqualTo(200);
        String cookie = login.header("Set-Cookie");
        String id = cookie.substring("barista_session=".length(), cookie.indexOf(';'));
        assertThat(client.request("GET", "/admin/ping").cookie("barista_session", id).send().text()).isEqualTo("pong");
        app.stop();
    }

    @Test
    void a_short_password_or_missing_terminal_is_refused_with_a_message() {
        Run shortPassword = run("short\n", "createuser", "--username", "ada", "--password-stdin");
        assertThat(shortPassword.exit()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("password must be at least 8 characters");

        Run noTerminal = run("", "createuser", "--username", "ada");
        assertThat(noTerminal.exit()).isEqualTo(1);
        assertThat(noTerminal.err()).contains("--password-stdin");

        Run twice = run("correct horse battery\n", "createuser", "--username", "ada", "--password-stdin");
        assertThat(twice.exit()).isZero();
        assertThat(twice.out()).contains("created user ada with no roles; it can't use the admin");
        Run duplicate = run("correct horse battery\n", "createuser", "--username", "ada", "--password-stdin");
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).contains("already exists");
    }

    @Test
    void each_command_explains_itself_with_help() {
        Run help = run("", "createuser", "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: barista createuser").contains("--username").contains("--password-stdin");
        assertThat(run("", "migrate", "--help").out()).contains("Usage: barista migrate");
    }

    @Test
    void migrate_creates_the_auth_tables() {
        Run r = run("", "migrate");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("up to date");
        Run again = run("", "migrate");
        assertThat(again.exit()).isZero();
    }
}
