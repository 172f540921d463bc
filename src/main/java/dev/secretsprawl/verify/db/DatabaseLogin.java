package dev.secretsprawl.verify.db;

import dev.secretsprawl.verify.Verification;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * How one kind of server is asked: the JDBC URL (host, port and database only, never a credential), the
 * driver properties (user, password, timeouts, nothing taken from the scanned file), and what the driver's
 * errors mean. Error texts of drivers are never used: they can quote what they were given.
 */
interface DatabaseLogin {
    String url(ConnectionFacts facts);

    Properties properties(ConnectionFacts facts, Duration timeout);

    /** Dead only for the server's own "wrong password"; unknown for everything it did not say. */
    Verification classify(SQLException e, ConnectionFacts facts);

    static DatabaseLogin of(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRES ? new PostgresLogin() : new MariaDbLogin();
    }

    static String authenticated(ConnectionFacts f) {
        return "authenticated as " + f.user() + " at " + f.address();
    }

    static String rejected(ConnectionFacts f) {
        return "authentication failed for user " + f.user() + " at " + f.address();
    }

    /** Whole seconds for drivers that count in seconds, at least one (zero would mean "wait forever"). */
    static int seconds(Duration timeout) {
        return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }
}
