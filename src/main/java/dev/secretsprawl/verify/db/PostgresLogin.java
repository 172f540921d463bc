package dev.secretsprawl.verify.db;

import dev.secretsprawl.verify.Verification;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * PostgreSQL through its JDBC driver ({@code org.postgresql}). SQLStates from the PostgreSQL manual,
 * appendix A: 28P01 invalid_password, 28000 invalid_authorization_specification, 3D000 invalid_catalog_name.
 */
final class PostgresLogin implements DatabaseLogin {
    @Override
    public String url(ConnectionFacts f) {
        // without a database the server uses the user's name, as psql does
        return "jdbc:postgresql://" + f.address() + "/" + f.database().orElse("");
    }

    @Override
    public Properties properties(ConnectionFacts f, Duration timeout) {
        Properties p = new Properties();
        p.setProperty("user", f.user());
        p.setProperty("password", f.password().reveal());
        String seconds = Integer.toString(DatabaseLogin.seconds(timeout));
        p.setProperty("connectTimeout", seconds);
        p.setProperty("socketTimeout", seconds);
        p.setProperty("loginTimeout", seconds);
        // TLS when the server offers it, without trusting it for more than this check; no Kerberos round trips
        p.setProperty("sslmode", "prefer");
        // never the operator's client certificate (~/.postgresql): empty paths are pgjdbc's documented "send none",
        // and a key that still needs a passphrase fails instead of prompting on the console and blocking the scan
        p.setProperty("sslcert", "");
        p.setProperty("sslkey", "");
        p.setProperty("sslpasswordcallback", NoKeyPassphrase.class.getName());
        p.setProperty("gssEncMode", "disable");
        p.setProperty("ApplicationName", "secret-sprawl verify");
        return p;
    }

    @Override
    public Verification classify(SQLException e, ConnectionFacts f) {
        String state = String.valueOf(e.getSQLState());
        return switch (state) {
            case "28P01" -> Verification.dead(DatabaseLogin.rejected(f));
            case "3D000" -> Verification.live(DatabaseLogin.authenticated(f) + " (its database does not exist)");
            // pg_hba.conf rejected the connection or the role may not log in: the password was never checked
            case "28000" -> Verification.unknown("the server refused the login before checking the password"
                    + " (pg_hba.conf or a role that may not log in) at " + f.address());
            case "53300" -> Verification.unknown("the server at " + f.address() + " has no free connections");
            case "08P01" -> Verification.unknown("the server at " + f.address() + " does not speak the PostgreSQL protocol");
            case "57P03" -> Verification.unknown("the server at " + f.address() + " is starting up or shutting down");
            default -> Verification.unknown(Failures.describe(e, f));
        };
    }
}
