package dev.secretsprawl.migrate.rotate;

import dev.secretsprawl.scan.Secret;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The admin connections given with {@code --admin ISSUER=URI} ({@code postgres=postgresql://admin@db:5432/postgres}).
 * The admin password comes from the URI's user info or, better (it keeps it out of process lists), from the
 * environment variable {@code SPRAWL_ADMIN_<ISSUER>_PASSWORD}.
 */
public final class AdminAccess {
    /** One admin login: where, as whom, with which password (redacted when printed). */
    public record Login(URI uri, String user, Secret password) {
        /** The URI without its user info, for messages. */
        public String describe() {
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        }
    }

    private final Map<String, URI> uris;
    private final Map<String, String> env;

    public AdminAccess(Map<String, URI> uris, Map<String, String> env) {
        this.uris = Map.copyOf(uris);
        this.env = Map.copyOf(env);
    }

    public static AdminAccess none() {
        return new AdminAccess(Map.of(), Map.of());
    }

    /** Parses {@code ISSUER=URI}; the message of a bad spec never repeats the URI, which may hold a password. */
    public static Map.Entry<String, URI> parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--admin needs ISSUER=URI, e.g. postgres=postgresql://admin@db:5432/postgres");
        }
        String issuer = spec.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        try {
            URI uri = new URI(spec.substring(eq + 1).trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException("", "");
            }
            return Map.entry(issuer, uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--admin " + issuer + "=... is not a URI with a scheme and host");
        }
    }

    public boolean has(String issuer) {
        return uris.containsKey(issuer);
    }

    /** The admin login for ISSUER, if one was given. */
    public Optional<Login> login(String issuer) {
        URI uri = uris.get(issuer);
        if (uri == null) {
            return Optional.empty();
        }
        String user = "";
        String password = env.get("SPRAWL_ADMIN_" + issuer.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD");
        String info = uri.getUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = colon < 0 ? info : info.substring(0, colon);
            if (colon >= 0 && password == null) {
                password = info.substring(colon + 1);
            }
        }
        try {
            URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
            return Optional.of(new Login(bare, user, new Secret(password == null ? "" : password)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
