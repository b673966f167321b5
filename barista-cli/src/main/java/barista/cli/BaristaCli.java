package barista.cli;

import barista.Barista;
import barista.Config;
import barista.auth.Auth;
import barista.auth.Roles;
import barista.data.DataSettings;
import barista.data.Database;
import barista.inference.log.PredictionLog;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code barista} command. Each subcommand reads the same configuration an app would
 * ({@code application.properties}, {@code BARISTA_*} environment variables, {@code -D} properties),
 * so {@code barista createuser} writes to the database the app reads.
 *
 * <pre>{@code
 * barista migrate
 * barista createuser --username ada --role admin            # prompts for the password twice
 * echo "$PASSWORD" | barista createuser --username ci --password-stdin
 * }</pre>
 *
 * <p>Threading: runs on the main thread and blocks on the database.
 */
@Command(name = "barista", mixinStandardHelpOptions = true, version = "barista 0.1.0",
        description = "Barista's command line.",
        subcommands = {BaristaCli.CreateUser.class, BaristaCli.Migrate.class})
public final class BaristaCli implements Runnable {
    private final Supplier<Config> config;
    private final InputStream stdin;
    private final Console console;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Reads configuration like an app and passwords from the console or standard input. */
    public BaristaCli() {
        this(() -> Barista.create().config(), System.in, System.console());
    }

    /**
     * For tests and embedding.
     *
     * @param config  where the database settings come from
     * @param stdin   what {@code --password-stdin} reads
     * @param console where passwords are prompted for, or null when there is no terminal
     */
    public BaristaCli(Supplier<Config> config, InputStream stdin, Console console) {
        this.config = config;
        this.stdin = stdin;
        this.console = console;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new BaristaCli()).execute(args));
    }

    /** The picocli command line for {@code cli}, with Barista's error handling. */
    public static CommandLine commandLine(BaristaCli cli) {
        CommandLine cmd = new CommandLine(cli);
        cmd.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return cmd;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the configured database and brings every module's tables up to date. */
    Database openMigrated() {
        Database db = Database.open(DataSettings.fromConfig(config.get()));
        try {
            Auth.migrate(db);
            PredictionLog.migrate(db);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create or update the database's tables: the app's and every module's.")
    static final class Migrate implements Callable<Integer> {
        @CommandLine.ParentCommand
        BaristaCli cli;

        @Override
        public Integer call() {
            try (Database db = cli.openMigrated()) {
                cli.spec.commandLine().getOut().println("database " + db + " is up to date");
            }
            return 0;
        }
    }

    @Command(name = "createuser", mixinStandardHelpOptions = true, description = "Create a user, such as the first admin.")
    static final class CreateUser implements Callable<Integer> {
        @CommandLine.ParentCommand
        BaristaCli cli;

        @Option(names = "--username", required = true, description = "1 to 64 of A-Z a-z 0-9 _ . @ -")
        String username;

        @Option(names = "--role", description = "a role to give, repeatable (e.g. --role admin)")
        List<String> roles = List.of();

        @Option(names = "--password-stdin", description = "read the password from standard input instead of prompting")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = cli.spec.commandLine().getOut();
            PrintWriter err = cli.spec.commandLine().getErr();
            String password = passwordStdin ? readStdin() : prompt(err);
            if (password == null) {
                return 1;
            }
            try (Database db = cli.openMigrated(); Auth auth = Auth.open(db, cli.config.get())) {
                auth.users().create(username, password, new LinkedHashSet<>(roles));
                out.println("created user " + username + (roles.isEmpty() ? " with no roles" : " with roles "
                        + String.join(", ", roles)) + (roles.contains(Roles.ADMIN) ? "; sign in at /admin"
                        : roles.isEmpty() ? "; it can't use the admin (that needs a role with users:manage,"
                                + " models:manage or predictions:read)" : ""));
                return 0;
            } catch (barista.http.HttpError.UnprocessableContent e) {
                e.errors().forEach(f -> err.println("error: " + f.location().getLast() + " " + f.message()));
                return 1;
            }
        }

        private String readStdin() throws IOException {
            String line = new BufferedReader(new InputStreamReader(cli.stdin, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        }

        private String prompt(PrintWriter err) {
            if (cli.console == null) {
                err.println("error: no terminal to ask for a password on; use --password-stdin");
                return null;
            }
            char[] first = cli.console.readPassword("Password: ");
            char[] second = cli.console.readPassword("Password (again): ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("error: the passwords differ");
                return null;
            }
            if (first.length == 0) {
                err.println("error: the password is empty");
                return null;
            }
            return new String(first);
        }
    }
}
