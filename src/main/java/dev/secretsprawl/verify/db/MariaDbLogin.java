package dev.secretsprawl.verify.db;

import dev.secretsprawl.verify.Verification;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * MySQL and MariaDB through the MariaDB JDBC driver ({@code org.mariadb.jdbc}), which speaks to both. Error
 * numbers from the MariaDB error code reference: 1045 access denied (wrong user or password), 1044 no access
 * to the database, 1049 unknown database, 1130 host not allowed to connect.
 */
final class MariaDbLogin implements DatabaseLogin {
    @Override
    public String url(ConnectionFacts f) {
        return "jdbc:mariadb://" + f.address() + "/" + f.database().orElse("");
    }

    @Override
    public Properties properties(ConnectionFacts f, Duration timeout) {
        Properties p = new Properties();
        p.setProperty("user", f.user());
        p.setProperty("password", f.password().reveal());
        String millis = Long.toString(Math.max(1, timeout.toMillis()));
        p.setProperty("connectTimeout", millis);
        p.setProperty("socketTimeout", millis);
        // the server we reach must not send the password elsewhere, nor get it in clear text, nor read our files
        p.setProperty("permitRedirect", "false");
        p.setProperty("restrictedAuth", "mysql_native_password,client_ed25519,parsec,caching_sha2_password");
        p.setProperty("allowLocalInfile", "false");
        return p;
    }

    @Override
    public Verification classify(SQLException e, ConnectionFacts f) {
        return switch (e.getErrorCode()) {
            case 1045 -> Verification.dead(DatabaseLogin.rejected(f));
            case 1049 -> Verification.live(DatabaseLogin.authenticated(f) + " (its database does not exist)");
            case 1044 -> Verification.live(DatabaseLogin.authenticated(f) + " (with no access to its database)");
            case 1130 -> Verification.unknown("the server at " + f.address() + " does not let this machine connect");
            case 1129 -> Verification.unknown("the server at " + f.address() + " blocks this machine after connection errors");
            case 1040 -> Verification.unknown("the server at " + f.address() + " has no free connections");
            default -> Verification.unknown(Failures.describe(e, f));
        };
    }
}
