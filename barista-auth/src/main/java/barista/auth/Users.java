package barista.auth;

import barista.http.FieldError;
import barista.http.HttpError;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * User accounts: what the CLI's {@code createuser} and the admin pages call. Every method writes
 * the database (bind parameters only) and then this node's in-memory directory; other nodes and
 * processes on the database see the change within a fraction of a second ({@link ChangeFeed}).
 *
 * <p>Threading: thread-safe. Methods block on the database, and {@link #create} and
 * {@link #setPassword} spend about 80 ms hashing, so call them from a handler's virtual thread or
 * a CLI, never from an event loop. Database loss is {@link HttpError.ServiceUnavailable}.
 */
public final class Users {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    /**
     * Names a principal already has without being a user: every caller nobody signed in is
     * {@code anonymous}, and the app's own predictions are logged as {@code app}. A user of either
     * name could label those callers' predictions and would be mixed with them in the log.
     */
    private static final Set<String> RESERVED = Set.of("anonymous", "app");

    private final Directory directory;

    Users(Directory directory) {
        this.directory = directory;
    }

    /**
     * Makes an active user.
     *
     * @throws HttpError.UnprocessableContent for a bad user name, a short password or an unknown role
     * @throws HttpError.Conflict if the user name is taken
     */
    public User create(String username, String password, Set<String> roles) {
        checkUsername(username);
        checkPassword(password);
        checkRoles(roles);
        if (directory.user(username) != null) {
            throw new HttpError.Conflict("user " + username + " already exists");
        }
        String hash = Passwords.hash(password);
        long now = System.currentTimeMillis();
        return directory.writeUser(username, () -> {
            boolean taken = directory.db().inTransaction(h -> {
                if (exists(h, username)) {
                    return true;
                }
                h.createUpdate("INSERT INTO auth_users (username, password_hash, active, created_at) "
                                + "VALUES (:u, :h, :a, :t)")
                        .bind("u", username).bind("h", hash).bind("a", true).bind("t", now).execute();
                insertRoles(h, username, roles);
                return false;
            });
            if (taken) {
                throw new HttpError.Conflict("user " + username + " already exists");
            }
            Directory.UserEntry entry = new Directory.UserEntry(username, hash, true, roles, now);
            directory.users.put(username, entry);
            return entry.toUser();
        });
    }

    /** The user, from memory; empty if there is none. Never blocks. */
    public Optional<User> find(String username) {
        return Optional.ofNullable(directory.user(username)).map(Directory.UserEntry::toUser);
    }

    /** Every user, by name, from memory. Never blocks. */
    public List<User> list() {
        return directory.users.values().stream().map(Directory.UserEntry::toUser)
                .sorted(Comparator.comparing(User::username)).toList();
    }

    /**
     * Replaces the user's roles; takes effect on their next request.
     *
     * @throws HttpError.NotFound if there is no such user
     */
    public User setRoles(String username, Set<String> roles) {
        checkRoles(roles);
        return directory.writeUser(username, () -> {
            Directory.UserEntry old = existing(username);
            directory.db().useTransaction(h -> {
                h.createUpdate("DELETE FROM auth_user_roles WHERE username = :u").bind("u", username).execute();
                insertRoles(h, username, roles);
            });
            Directory.UserEntry entry = new Directory.UserEntry(username, old.passwordHash(), old.active(), roles,
                    old.createdAt());
            directory.users.put(username, entry);
            return entry.toUser();
        });
    }

    /**
     * Sets a new password and ends the user's sessions, so a stolen session dies with the old password.
     *
     * @throws HttpError.NotFound if there is no such user
     */
    public void setPassword(String username, String password) {
        checkPassword(password);
        existing(username);
        String hash = Passwords.hash(password);
        directory.writeUser(username, () -> {
            Directory.UserEntry old = existing(username);
            directory.db().useTransaction(h -> {
                h.createUpdate("UPDATE auth_users SET password_hash = :h WHERE username = :u")
                        .bind("h", hash).bind("u", username).execute();
                h.createUpdate("DELETE FROM auth_sessions WHERE username = :u").bind("u", username).execute();
            });
            directory.users.put(username, new Directory.UserEntry(username, hash, old.active(), old.roles(),
                    old.createdAt()));
            directory.sessions.values().removeIf(s -> s.username.equals(username));
        });
    }

    /**
     * Enables or disables a user. A disabled user can't sign in, and their sessions end and their
     * keys and tokens stop working until enabled again.
     *
     * @throws HttpError.NotFound if there is no such user
     */
    public User setActive(String username, boolean active) {
        return directory.writeUser(username, () -> {
            Directory.UserEntry old = existing(username);
            directory.db().useTransaction(h -> {
                h.createUpdate("UPDATE auth_users SET active = :a WHERE username = :u")
                        .bind("a", active).bind("u", username).execute();
                if (!active) {
                    h.createUpdate("DELETE FROM auth_sessions WHERE username = :u").bind("u", username).execute();
                }
            });
            Directory.UserEntry entry = new Directory.UserEntry(username, old.passwordHash(), active, old.roles(),
                    old.createdAt());
            directory.users.put(username, entry);
            if (!active) {
                directory.sessions.values().removeIf(s -> s.username.equals(username));
            }
            return entry.toUser();
        });
    }

    private Directory.UserEntry existing(String username) {
        Directory.UserEntry e = directory.user(username);
        if (e == null) {
            throw new HttpError.NotFound("no such user");
        }
        return e;
    }

    private static boolean exists(Handle h, String username) {
        return h.createQuery("SELECT COUNT(*) FROM auth_users WHERE username = :u").bind("u", username)
                .mapTo(Integer.class).one() > 0;
    }

    private static void insertRoles(Handle h, String username, Set<String> roles) {
        for (String role : roles) {
            h.createUpdate("INSERT INTO auth_user_roles (username, role_name) VALUES (:u, :r)")
                    .bind("u", username).bind("r", role).execute();
        }
    }

    private void checkRoles(Set<String> roles) {
        for (String r : roles) {
            if (!directory.roles.containsKey(r)) {
                throw invalid("roles", "no such role: " + r, "unknown_role");
            }
        }
    }

    /**
     * Logs a warning for each user made before their name was reserved: the prediction log can't
     * tell their calls from those of the callers the name stands for, so rename them.
     */
    static void warnOfReservedNames(Collection<String> usernames) {
        for (String name : usernames) {
            if (RESERVED.contains(name)) {
                System.getLogger("barista.auth").log(System.Logger.Level.WARNING, "user \"{0}\" has a name the"
                        + " prediction log uses for callers who are not users; its calls and feedback mix with"
                        + " theirs: make a new user for them and deactivate this one", name);
            }
        }
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw invalid("username", "must be 1 to 64 of A-Z a-z 0-9 _ . @ -", "pattern");
        }
        if (RESERVED.contains(username)) {
            throw invalid("username", "is reserved: the prediction log uses it for callers who are not users",
                    "reserved");
        }
    }

    static void checkPassword(String password) {
        checkPassword("password", password);
    }

    static void checkPassword(String field, String password) {
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            throw invalid(field, "must be at least " + Passwords.MIN_LENGTH + " characters", "min_length");
        }
        if (password.length() > Passwords.MAX_LENGTH) {
            throw invalid(field, "must be at most " + Passwords.MAX_LENGTH + " characters", "max_length");
        }
    }

    static HttpError.UnprocessableContent invalid(String field, String message, String type) {
        return new HttpError.UnprocessableContent(List.of(FieldError.of("body", field, message, type)));
    }
}
