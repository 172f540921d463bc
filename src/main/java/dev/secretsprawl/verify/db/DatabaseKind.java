package dev.secretsprawl.verify.db;

import java.util.Locale;
import java.util.Optional;

/** The database servers whose passwords we can check, with the port a URL without one means. */
public enum DatabaseKind {
    POSTGRES("postgresql", 5432),
    MYSQL("mysql", 3306);

    private final String scheme;
    private final int defaultPort;

    DatabaseKind(String scheme, int defaultPort) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
    }

    /** The URI scheme tests and listeners see for a login attempt ({@code postgresql://host:port}). */
    public String scheme() {
        return scheme;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * The kind a URI scheme, JDBC subprotocol or driver name means: {@code postgres}, {@code postgresql},
     * {@code pgsql}, {@code mysql}, {@code mysql2}, {@code mariadb}, also inside longer names
     * ({@code django.db.backends.postgresql}, {@code org.mariadb.jdbc.Driver}).
     */
    public static Optional<DatabaseKind> named(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("postgres") || t.contains("pgsql")) {
            return Optional.of(POSTGRES);
        }
        if (t.contains("mysql") || t.contains("mariadb")) {
            return Optional.of(MYSQL);
        }
        return Optional.empty();
    }
}
