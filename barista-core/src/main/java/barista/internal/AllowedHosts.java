package barista.internal;

import barista.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code Host} headers the app answers (Django's {@code ALLOWED_HOSTS}): a request naming
 * any other host gets 400. This stops DNS rebinding, where a web page the developer visits
 * points its own domain at 127.0.0.1 and talks to the local server as a same-origin site.
 *
 * <p>{@code barista.allowed-hosts} is a comma list of names ({@code api.example.com}), suffixes
 * with a leading dot ({@code .example.com} for the domain and every subdomain) or {@code *}.
 * Unset, an app bound to a loopback address allows only loopback names, and an app bound to
 * any other address allows every host (containers are reached by pod IPs and service names that
 * the app can't know).
 *
 * <p>Threading: immutable.
 */
final class AllowedHosts {
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean any;
    private final List<String> names;
    private final boolean byDefault;

    private AllowedHosts(boolean any, List<String> names, boolean byDefault) {
        this.any = any;
        this.names = names;
        this.byDefault = byDefault;
    }

    private AllowedHosts(boolean any, List<String> names) {
        this(any, names, false);
    }

    static AllowedHosts of(Config config) {
        String setting = config.property("barista.allowed-hosts", null);
        if (setting == null) {
            return isLoopback(config.host()) ? new AllowedHosts(false, LOOPBACK) : new AllowedHosts(true, List.of(), true);
        }
        List<String> names = new ArrayList<>();
        for (String part : setting.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.equals("*")) {
                return new AllowedHosts(true, List.of());
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new AllowedHosts(false, List.copyOf(names));
    }

    /**
     * Whether every host is answered only because nothing was set (an app on a non-loopback
     * address): worth a warning at start-up, where Django's server refuses to run without
     * {@code ALLOWED_HOSTS} once {@code DEBUG} is off; containers reached by pod addresses make
     * refusing the wrong default here.
     */
    boolean answersEveryHostByDefault() {
        return byDefault;
    }

    /** Whether a request with this {@code Host} header (or none, as HTTP/1.0 allows) is answered. */
    boolean allows(String hostHeader) {
        if (any || hostHeader == null) {
            return true;
        }
        String host = stripPort(hostHeader.trim()).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (String name : names) {
            if (name.startsWith(".") ? host.endsWith(name) || host.equals(name.substring(1)) : host.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.indexOf(':') != colon ? host : host.substring(0, colon);
    }

    private static boolean isLoopback(String bindHost) {
        return bindHost.equals("localhost") || bindHost.startsWith("127.") || bindHost.equals("::1")
                || bindHost.equals("[::1]");
    }
}
