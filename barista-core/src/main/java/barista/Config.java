package barista;

import barista.binding.Scalar;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Everything an app is configured with, fixed once it starts.
 *
 * <p>Values come, each overriding the one before: the defaults here, the code's
 * {@code Barista.create(cfg -> ...)} lambda, {@code application.properties} (on the class path,
 * then in the working directory), environment variables, then {@code -D} system properties. So
 * operations can change a deployed app without recompiling it. Property
 * {@code barista.max-body-size} is env {@code BARISTA_MAX_BODY_SIZE}.
 *
 * @param host             interface to bind ({@code barista.host}, default 127.0.0.1)
 * @param port             port to bind, 0 for any free one ({@code barista.port}, default 8000)
 * @param maxBodyBytes     larger request bodies get 413 ({@code barista.max-body-size}, default 1MB)
 * @param devMode          detailed error pages with stack traces ({@code barista.dev}, default false)
 * @param eventLoopHandlers run every handler on the event loop instead of a virtual thread
 *                         ({@code barista.handlers=event-loop}; default {@code virtual})
 * @param cors             cross-origin rules; off when no origin is allowed
 * @param securityHeaders  add nosniff, frame and referrer headers to every response
 *                         ({@code barista.security-headers}, default true)
 * @param gzipMinBytes     compress responses at least this large when the client accepts gzip;
 *                         negative turns gzip off ({@code barista.gzip.min-size}, default 1KB)
 * @param shutdownDelay    how long a stop keeps serving after {@code /readyz} turned 503, so load
 *                         balancers stop sending first ({@code barista.shutdown-delay}, default 0)
 * @param shutdownGrace    how long a stop waits for in-flight requests ({@code barista.shutdown-grace})
 * @param requestLog       one log line per request ({@code barista.request-log}, default true)
 * @param eventLoops       event-loop threads, 0 for the engine's default ({@code barista.event-loops})
 * @param idleTimeoutSeconds close connections idle this long ({@code barista.idle-timeout}, default 60s)
 * @param title            API title in the OpenAPI document ({@code barista.title})
 * @param version          API version in the OpenAPI document ({@code barista.version})
 * @param properties       every property that was read, for extensions' own settings
 */
public record Config(String host, int port, long maxBodyBytes, boolean devMode, boolean eventLoopHandlers,
                     Cors cors, boolean securityHeaders, int gzipMinBytes, Duration shutdownDelay,
                     Duration shutdownGrace, boolean requestLog, int eventLoops, int idleTimeoutSeconds, String title,
                     String version, Map<String, String> properties) {

    public Config {
        Map<String, String> byCanonical = new HashMap<>();
        properties.forEach((k, v) -> byCanonical.put(canonical(k), v));
        properties = Map.copyOf(byCanonical);
    }

    /**
     * A property by its dotted name ({@code barista.docs.enabled}), or the fallback. Dots, dashes
     * and underscores are the same separator and case doesn't matter, so
     * {@code barista.allowed-hosts} is also set by env {@code BARISTA_ALLOWED_HOSTS}.
     */
    public String property(String name, String fallback) {
        return properties.getOrDefault(canonical(name), fallback);
    }

    /** A boolean property ({@code true/false, 1/0, yes/no, on/off}), or the fallback when unset. */
    public boolean flag(String name, boolean fallback) {
        String v = properties.get(canonical(name));
        return v == null ? fallback : parseBoolean(name, v);
    }

    /**
     * A duration property ({@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d}, or
     * plain seconds), or the fallback when unset; a malformed value stops start-up.
     */
    public Duration duration(String name, Duration fallback) {
        String v = properties.get(canonical(name));
        if (v == null) {
            return fallback;
        }
        try {
            return parseDuration(v);
        } catch (NumberFormatException e) {
            throw new SetupException(name + " must be a duration such as 30s, 15m or 2h, got '" + v.trim() + "'");
        }
    }

    /**
     * A whole-number property of at least {@code min}, or the fallback when unset; anything else
     * stops start-up with the property's name.
     */
    public int integer(String name, int fallback, int min) {
        String v = properties.get(canonical(name));
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SetupException(name + " must be a whole number of at least " + min + ", got '" + v.trim() + "'");
    }

    /** The one spelling of a property name that every source maps to. */
    static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
    }

    /** Puts a value, replacing any earlier spelling of the same name (a later source wins). */
    static void putCanonical(Map<String, String> into, String key, String value) {
        String c = canonical(key);
        into.keySet().removeIf(k -> !k.equals(key) && canonical(k).equals(c));
        into.put(key, value);
    }

    /**
     * Strict, with the spellings a boolean query parameter accepts: a typo such as
     * {@code BARISTA_DEV=ture} stops start-up instead of meaning false.
     */
    static boolean parseBoolean(String name, String text) {
        try {
            return (Boolean) BOOLEAN.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SetupException(name + " must be true or false (also 1/0, yes/no, on/off), got '" + text + "'");
        }
    }

    private static final Scalar BOOLEAN = Scalar.of(boolean.class);

    /**
     * Cross-origin resource sharing. Empty {@code allowedOrigins} means CORS is off; {@code *}
     * allows any origin (never together with credentials).
     */
    public record Cors(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       boolean allowCredentials, Duration maxAge) {
        public Cors {
            allowedOrigins = List.copyOf(allowedOrigins);
            allowedMethods = List.copyOf(allowedMethods);
            allowedHeaders = List.copyOf(allowedHeaders);
        }

        public boolean enabled() {
            return !allowedOrigins.isEmpty();
        }

        public Cors withOrigins(List<String> origins) {
            return new Cors(origins, allowedMethods, allowedHeaders, allowCredentials, maxAge);
        }

        public Cors withMethods(List<String> methods) {
            return new Cors(allowedOrigins, methods, allowedHeaders, allowCredentials, maxAge);
        }

        public Cors withHeaders(List<String> headers) {
            return new Cors(allowedOrigins, allowedMethods, headers, allowCredentials, maxAge);
        }

        public Cors withCredentials(boolean allow) {
            return new Cors(allowedOrigins, allowedMethods, allowedHeaders, allow, maxAge);
        }

        public Cors withMaxAge(Duration age) {
            return new Cors(allowedOrigins, allowedMethods, allowedHeaders, allowCredentials, age);
        }

        static Cors off() {
            return new Cors(List.of(), List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
                    List.of("Content-Type", "Authorization"), false, Duration.ofMinutes(10));
        }
    }

    /** Builds a config from the sources described on {@link Config}. */
    static Config load(Consumer<Builder> code) {
        Builder b = new Builder();
        code.accept(b);
        Map<String, String> props = new HashMap<>();
        readClasspath(props);
        readFile(Path.of("application.properties"), props);
        readEnv(System.getenv(), props);
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("barista.")) {
                putCanonical(props, k.toString(), v.toString());
            }
        });
        b.apply(props);
        return b.build(props);
    }

    private static void readClasspath(Map<String, String> into) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        try (InputStream in = cl == null ? null : cl.getResourceAsStream("application.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                p.forEach((k, v) -> putCanonical(into, k.toString(), v.toString()));
            }
        } catch (IOException e) {
            throw new SetupException("cannot read application.properties from the class path", e);
        }
    }

    private static void readFile(Path file, Map<String, String> into) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Reader r = Files.newBufferedReader(file)) {
            Properties p = new Properties();
            p.load(r);
            p.forEach((k, v) -> putCanonical(into, k.toString(), v.toString()));
        } catch (IOException e) {
            throw new SetupException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /**
     * {@code BARISTA_MAX_BODY_SIZE} becomes {@code barista.max-body-size} for known keys, and
     * {@code BARISTA_AUTH_JWT_SECRET} {@code barista.auth.jwt.secret}, which
     * {@link #property} finds as {@code barista.auth.jwt-secret}.
     */
    static void readEnv(Map<String, String> env, Map<String, String> into) {
        Map<String, String> known = new HashMap<>();
        for (String key : Builder.KEYS) {
            known.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), key);
        }
        env.forEach((k, v) -> {
            if (k.startsWith("BARISTA_")) {
                putCanonical(into, known.getOrDefault(k, k.toLowerCase(Locale.ROOT).replace('_', '.')), v);
            }
        });
    }

    /** Parses {@code 512}, {@code 64KB}, {@code 10MB}, {@code 1GB}. */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        for (var u : List.of(Map.entry("KB", 1024L), Map.entry("MB", 1024L * 1024), Map.entry("GB", 1024L * 1024 * 1024),
                Map.entry("B", 1L))) {
            if (t.endsWith(u.getKey())) {
                unit = u.getValue();
                t = t.substring(0, t.length() - u.getKey().length()).trim();
                break;
            }
        }
        return Long.parseLong(t) * unit;
    }

    /** Parses {@code 500ms}, {@code 10s}, {@code 2m}, {@code 2h}, {@code 1d}, or a plain number of seconds. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        }
        String number = t.isEmpty() ? t : t.substring(0, t.length() - 1).trim();
        return switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(Long.parseLong(number));
            case 'm' -> Duration.ofMinutes(Long.parseLong(number));
            case 'h' -> Duration.ofHours(Long.parseLong(number));
            case 'd' -> Duration.ofDays(Long.parseLong(number));
            default -> Duration.ofSeconds(Long.parseLong(t));
        };
    }

    /** The settings a {@code Barista.create(cfg -> ...)} lambda can change. */
    public static final class Builder {
        static final List<String> KEYS = List.of("barista.host", "barista.port", "barista.max-body-size",
                "barista.dev", "barista.handlers", "barista.cors.allowed-origins", "barista.cors.allowed-methods",
                "barista.cors.allowed-headers", "barista.cors.allow-credentials", "barista.cors.max-age",
                "barista.security-headers", "barista.gzip.min-size", "barista.shutdown-grace",
                "barista.request-log", "barista.title", "barista.version", "barista.docs.enabled",
                "barista.event-loops", "barista.idle-timeout", "barista.shutdown-delay");

        private String host = "127.0.0.1";
        private int port = 8000;
        private long maxBodyBytes = 1024 * 1024;
        private boolean devMode;
        private boolean eventLoopHandlers;
        private Cors cors = Cors.off();
        private boolean securityHeaders = true;
        private int gzipMinBytes = 1024;
        private Duration shutdownDelay = Duration.ZERO;
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private boolean requestLog = true;
        private int eventLoops;
        private int idleTimeoutSeconds = 60;
        private String title = "Barista API";
        private String version = "0.1.0";
        private final Map<String, String> codeProperties = new HashMap<>();

        Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new SetupException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        public Builder maxBodyBytes(long bytes) {
            if (bytes < 0) {
                throw new SetupException("max body size must be >= 0, got " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        public Builder devMode(boolean on) {
            this.devMode = on;
            return this;
        }

        /** Run every handler on the event loop: fastest, but a handler must then never block. */
        public Builder eventLoopHandlers(boolean on) {
            this.eventLoopHandlers = on;
            return this;
        }

        /** Allows cross-origin requests from these origins ({@code "*"} for any). */
        public Builder corsOrigins(String... origins) {
            this.cors = cors.withOrigins(Arrays.asList(origins));
            return this;
        }

        public Builder cors(Cors cors) {
            this.cors = cors;
            return this;
        }

        public Builder securityHeaders(boolean on) {
            this.securityHeaders = on;
            return this;
        }

        public Builder gzipMinBytes(int bytes) {
            this.gzipMinBytes = bytes;
            return this;
        }

        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        public Builder shutdownDelay(Duration delay) {
            this.shutdownDelay = delay;
            return this;
        }

        /** Event-loop threads; 0 (the default) means one per core. */
        public Builder eventLoops(int count) {
            if (count < 0) {
                throw new SetupException("event loops must be >= 0, got " + count);
            }
            this.eventLoops = count;
            return this;
        }

        public Builder idleTimeoutSeconds(int seconds) {
            this.idleTimeoutSeconds = seconds;
            return this;
        }

        public Builder requestLog(boolean on) {
            this.requestLog = on;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** Sets a property for an extension ({@code barista.docs.enabled}). */
        public Builder property(String name, String value) {
            codeProperties.put(name, value);
            return this;
        }

        void apply(Map<String, String> p) {
            try {
                ifSet(p, "barista.host", v -> host = v.trim());
                ifSet(p, "barista.port", v -> port(Integer.parseInt(v.trim())));
                ifSet(p, "barista.max-body-size", v -> maxBodyBytes(parseSize(v)));
                ifSet(p, "barista.dev", v -> devMode = parseBoolean("barista.dev", v));
                ifSet(p, "barista.handlers", v -> eventLoopHandlers = switch (v.trim()) {
                    case "event-loop" -> true;
                    case "virtual" -> false;
                    default -> throw new SetupException("barista.handlers must be 'virtual' or 'event-loop', got " + v);
                });
                ifSet(p, "barista.cors.allowed-origins", v -> cors = cors.withOrigins(list(v)));
                ifSet(p, "barista.cors.allowed-methods", v -> cors = cors.withMethods(list(v)));
                ifSet(p, "barista.cors.allowed-headers", v -> cors = cors.withHeaders(list(v)));
                ifSet(p, "barista.cors.allow-credentials",
                        v -> cors = cors.withCredentials(parseBoolean("barista.cors.allow-credentials", v)));
                ifSet(p, "barista.cors.max-age", v -> cors = cors.withMaxAge(parseDuration(v)));
                ifSet(p, "barista.security-headers", v -> securityHeaders = parseBoolean("barista.security-headers", v));
                ifSet(p, "barista.gzip.min-size", v -> gzipMinBytes = (int) parseSize(v));
                ifSet(p, "barista.shutdown-grace", v -> shutdownGrace = parseDuration(v));
                ifSet(p, "barista.shutdown-delay", v -> shutdownDelay = parseDuration(v));
                ifSet(p, "barista.request-log", v -> requestLog = parseBoolean("barista.request-log", v));
                ifSet(p, "barista.event-loops", v -> eventLoops(Integer.parseInt(v.trim())));
                ifSet(p, "barista.idle-timeout", v -> idleTimeoutSeconds = (int) parseDuration(v).toSeconds());
                ifSet(p, "barista.title", v -> title = v);
                ifSet(p, "barista.version", v -> version = v);
            } catch (NumberFormatException e) {
                throw new SetupException("bad configuration value: " + e.getMessage(), e);
            }
        }

        Config build(Map<String, String> fileAndEnv) {
            if (cors.allowCredentials() && cors.allowedOrigins().contains("*")) {
                throw new SetupException("CORS cannot allow credentials for origin '*': list the origins");
            }
            Map<String, String> all = new HashMap<>();
            codeProperties.forEach((k, v) -> putCanonical(all, k, v));
            fileAndEnv.forEach((k, v) -> putCanonical(all, k, v));
            return new Config(host, port, maxBodyBytes, devMode, eventLoopHandlers, cors, securityHeaders,
                    gzipMinBytes, shutdownDelay, shutdownGrace, requestLog, eventLoops, idleTimeoutSeconds, title, version,
                    all);
        }

        private static void ifSet(Map<String, String> p, String key, Consumer<String> set) {
            String c = canonical(key);
            for (Map.Entry<String, String> e : p.entrySet()) {
                if (canonical(e.getKey()).equals(c)) {
                    set.accept(e.getValue());
                    return;
                }
            }
        }

        private static List<String> list(String csv) {
            List<String> out = new ArrayList<>();
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return out;
        }
    }
}
