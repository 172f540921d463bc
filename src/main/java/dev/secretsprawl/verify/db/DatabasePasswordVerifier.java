package dev.secretsprawl.verify.db;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;

import java.net.URI;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks a PostgreSQL, MySQL or MariaDB password by logging in at the host written next to it (a URL, a
 * JDBC URL, or the host, port and user settings of the same config block) and closing the connection at
 * once. Nothing is queried. The wrong-password answer of the server is "dead" only when host and user were
 * written with the password; anything else it did not say (refused, timed out, TLS, pg_hba) is "unknown".
 */
public final class DatabasePasswordVerifier implements Verifier {
    /** Driver loggers can print connection URLs and server messages: silenced, and held so they stay so. */
    private static final Logger[] QUIET = {Logger.getLogger("org.postgresql"), Logger.getLogger("org.mariadb.jdbc")};

    static {
        for (Logger l : QUIET) {
            l.setLevel(Level.OFF);
        }
    }

    @Override
    public Set<String> issuers() {
        return Set.of("postgres", "mysql", "jdbc");
    }

    /** A generic password is ours when the lines around it name a database host, user and server kind for it. */
    @Override
    public boolean claims(Credential credential) {
        return lookup(credential).facts().isPresent();
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) {
        ConnectionFacts.Lookup lookup = lookup(credential);
        if (lookup.facts().isEmpty()) {
            return Verification.unknown(lookup.problem());
        }
        ConnectionFacts facts = lookup.facts().get();
        context.connecting(URI.create(facts.kind().scheme() + "://" + facts.address()));
        Verification v = unlessGuessed(login(facts, context.timeout()), facts);
        return v.detail().contains(credential.secret().reveal())
                ? new Verification(v.status(), v.status().label() + " at " + facts.address()) : v;
    }

    /**
     * A rejection is the password's fault only if we asked the right server as the right user with the password
     * as the application sends it: with a host or user taken from outside the password's block, it may have
     * been the wrong one.
     */
    private static Verification unlessGuessed(Verification v, ConnectionFacts facts) {
        if (v.status() != Verification.Status.DEAD || facts.doubt().isEmpty()) {
            return v;
        }
        return Verification.unknown(DatabaseLogin.rejected(facts) + ", but " + facts.doubt().get());
    }

    @Override
    public String scope(Credential credential) {
        return lookup(credential).facts().map(ConnectionFacts::scope).orElse("");
    }

    private static ConnectionFacts.Lookup lookup(Credential credential) {
        return ConnectionFactsParser.find(credential.context().reveal(), credential.secret().reveal(),
                kindOf(credential.issuer()));
    }

    /** The server kind the rule's issuer names; a JDBC URL or a generic password leaves it to the context. */
    private static Optional<DatabaseKind> kindOf(String issuer) {
        return switch (issuer) {
            case "postgres" -> Optional.of(DatabaseKind.POSTGRES);
            case "mysql" -> Optional.of(DatabaseKind.MYSQL);
            default -> Optional.empty();
        };
    }

    private static Verification login(ConnectionFacts facts, Duration timeout) {
        DatabaseLogin login = DatabaseLogin.of(facts.kind());
        String url = login.url(facts);
        long start = System.nanoTime();
        try {
            // the driver itself, not DriverManager.getConnection: no global login timeout, no URL in its log
            Driver driver = DriverManager.getDriver(url);
            Connection connection = driver.connect(url, login.properties(facts, timeout));
            if (connection == null) {
                return Verification.unknown("no database driver for " + facts.kind().scheme());
            }
            closeQuietly(connection);
            return Verification.live(DatabaseLogin.authenticated(facts));
        } catch (SQLException e) {
            Verification v = login.classify(e, facts);
            // drivers end a login that hit their own timeout with a plain "could not connect" state
            boolean timedOut = Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) >= 0;
            return timedOut && v.status() == Verification.Status.UNKNOWN
                    ? Verification.unknown("no answer from " + facts.address() + " in time") : v;
        }
    }

    /** The login already succeeded: a failure to say goodbye does not change the answer. */
    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing to do: the server will drop the session
        }
    }
}
