package dev.secretsprawl.verify.db;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which hosts, ports and user names written next to a password are real ones: not a template placeholder
 * ({@code ${DB_HOST}}, {@code {{ host }}}, {@code <host>}, {@code %HOST%}), not a documentation name, and
 * nothing that could smuggle URL syntax into the connection we open.
 */
final class Hosts {
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?i)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]{2,45}");
    private static final Pattern USER = Pattern.compile("[^\\s\"'`<>{}$%\\\\]{1,128}");
    private static final Set<String> PLACEHOLDER_HOSTS = Set.of("host", "hostname", "yourhost", "your-host",
            "your_host", "dbhost", "db-host", "db_host", "server", "servername", "your-server", "example.com",
            "example.org", "example.net", "xxx", "changeme");
    private static final Set<String> PLACEHOLDER_USERS = Set.of("user", "username", "your-user", "your_user",
            "yourusername", "your-username", "your_username", "dbuser", "db_user", "xxx", "changeme", "null", "none");

    private Hosts() {
    }

    static boolean isRealHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":")) {
            return IPV6.matcher(h).matches();
        }
        return HOSTNAME.matcher(h).matches() && !PLACEHOLDER_HOSTS.contains(h)
                && !h.endsWith(".example") && !h.endsWith(".invalid") && !h.endsWith(".example.com");
    }

    static boolean isRealUser(String user) {
        return USER.matcher(user).matches() && !PLACEHOLDER_USERS.contains(user.toLowerCase(Locale.ROOT));
    }

    static OptionalInt port(String text) {
        String t = text.trim();
        if (!t.matches("[0-9]{1,5}")) {
            return OptionalInt.empty();
        }
        int p = Integer.parseInt(t);
        return p >= 1 && p <= 65535 ? OptionalInt.of(p) : OptionalInt.empty();
    }

    /** A database name safe to put in a URL path as it is; others are left out (the login alone decides). */
    static boolean isPlainDatabaseName(String name) {
        return name.matches("[A-Za-z0-9_$-]{1,63}");
    }
}
