package dev.secretsprawl.migrate.rotate.db;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.GeneratedPasswords;
import dev.secretsprawl.migrate.rotate.Rotator;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.db.DatabaseKind;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Changes a PostgreSQL role's password over the admin connection ({@code --admin postgres=postgresql://ADMIN@HOST:PORT/DB})
 * with pgjdbc's {@link PGConnection#alterUserPassword}: it hashes with SCRAM-SHA-256 on our side, so the new
 * password never reaches the server's statement log. Setting the same password twice is one rotation.
 */
public final class PostgresRotator extends AdminDatabaseRotator {
    private static final Logger QUIET = Logger.getLogger("org.postgresql");

    static {
        QUIET.setLevel(Level.OFF); // the driver's log can quote connection URLs and server messages
    }

    public PostgresRotator() {
        super(new DatabaseTargets(DatabaseKind.POSTGRES, "postgres"), "postgres");
    }

    @Override
    boolean wrongPassword(SQLException e) {
        return "28P01".equals(e.getSQLState());
    }

    @Override
    public Secret rotate(Credential legacy, Optional<Secret> proposed, AdminAccess admin, VerifyContext context)
            throws IOException {
        DatabaseTargets.Target target = targets.require(legacy, admin);
        Secret next = proposed.orElseGet(GeneratedPasswords::next);
        String address = targets.adminAddress(target.login());
        context.connecting(URI.create("postgresql://" + address));
        try (Connection c = connectAsAdmin(target, address, next, context)) {
            alter(c, target.facts().user(), next);
            return next;
        } catch (SQLException e) {
            throw new IOException(PostgresAdminErrors.describe(e, target.facts(), address));
        }
    }

    @Override
    Connection connect(AdminAccess.Login login, Secret password, String address, VerifyContext context)
            throws SQLException {
        String path = login.uri().getPath();
        String database = path == null || path.length() <= 1 ? "postgres" : path.substring(1);
        String url = "jdbc:postgresql://" + address + "/" + database;
        Properties p = new Properties();
        p.setProperty("user", login.user());
        p.setProperty("password", password.reveal());
        String seconds = Long.toString(Math.max(1, context.timeout().toSeconds()));
        p.setProperty("connectTimeout", seconds);
        p.setProperty("socketTimeout", seconds);
        p.setProperty("loginTimeout", seconds);
        p.setProperty("sslmode", "prefer");
        p.setProperty("gssEncMode", "disable");
        p.setProperty("ApplicationName", "secret-sprawl rotate");
        // the driver itself, not DriverManager.getConnection: no global login timeout, no URL in its log
        Connection c = DriverManager.getDriver(url).connect(url, p);
        if (c == null) {
            throw new SQLException("no driver", "08001");
        }
        return c;
    }

    private static void alter(Connection c, String role, Secret next) throws SQLException {
        char[] password = next.reveal().toCharArray();
        try {
            c.unwrap(PGConnection.class).alterUserPassword(role, password, "scram-sha-256");
        } catch (AbstractMethodError | NoSuchMethodError e) {
            // a pgjdbc older than 42.7 on the class path: the password goes as a literal (never logged by us)
            alterRole(c, role, next);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void alterRole(Connection c, String role, Secret next) throws SQLException {
        if (!GeneratedPasswords.isGenerated(next)) {
            throw new SQLException("only generated passwords are sent as literals", "22023");
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER ROLE \"" + role.replace("\"", "\"\"") + "\" PASSWORD '" + next.reveal().replace("'", "''") + "'");
        }
    }
}
