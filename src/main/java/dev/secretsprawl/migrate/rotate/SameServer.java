package dev.secretsprawl.migrate.rotate;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an admin connection reaches the server a legacy credential logs into. A rotation on another server
 * would report success and leave the real password live, so anything but the same host (and port, where the
 * admin speaks the same protocol) is refused. Names are compared as written; only the loopback names are
 * taken as one, since no DNS lookup may happen before the rotation is allowed.
 */
public final class SameServer {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private SameServer() {
    }

    /**
     * Why the admin at ADMIN_HOST:ADMIN_PORT is not the server at HOST:PORT, or empty when it is.
     * A negative port on either side means "not compared" (a management API on its own port).
     */
    public static Optional<String> mismatch(String issuer, String adminHost, int adminPort, String host, int port) {
        boolean sameHost = normal(adminHost).equals(normal(host))
                || LOOPBACK.contains(normal(adminHost)) && LOOPBACK.contains(normal(host));
        boolean samePort = adminPort < 0 || port < 0 || adminPort == port;
        if (sameHost && samePort) {
            return Optional.empty();
        }
        return Optional.of("the admin connection for " + issuer + " points at " + address(adminHost, adminPort)
                + " but the password logs into " + address(host, port));
    }

    private static String normal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static String address(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port < 0 ? h : h + ":" + port;
    }
}
