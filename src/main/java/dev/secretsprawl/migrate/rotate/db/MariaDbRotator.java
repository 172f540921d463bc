package dev.secretsprawl.migrate.rotate.db;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.GeneratedPasswords;
import dev.secretsprawl.migrate.rotate.Rotator;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.db.DatabaseKind;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Changes a MySQL or MariaDB user's password over the admin connection ({@code --admin mysql=mysql://ADMIN@HOST:PORT}):
 * {@code ALTER USER 'user'@'host' IDENTIFIED BY ...} for every account of that user name ({@code mysql.user}
 * has one row per host pattern, and the application may log in through any of them). Idempotent by nature.
 */
public final class MariaDbRotator extends AdminDatabaseRotator {
    private static final Logger QUIET = Logger.getLogger("org.mariadb.jdbc");

    static {
        QUIET.setLevel(Level.OFF); // the driver's log can quote connection URLs and statements
    }

    public MariaDbRotator() {
        super(new DatabaseTargets(DatabaseKind.MYSQL, "mysql"), "mysql");
    }

    @Override
    boolean wrongPassword(SQLException e) {
        return e.getErrorCode() == 1045;
    }

    @Override
    public Secret rotate(Credential legacy, Optional<Secret> proposed, AdminAccess admin, VerifyContext context)
            throws IOException {
        DatabaseTargets.Target target = targets.require(legacy, admin);
        Secret next = proposed.orElseGet(GeneratedPasswords::next);
        String user = target.facts().user();
        String address = targets.adminAddress(target.login());
        if (!quotable(user) || !quotable(next.reveal())) {
            throw new IOException("refused to quote the user name or password of " + user + " into SQL: it holds a quote, backslash or control character");
        }
        context.connecting(URI.create("mysql://" + address));
        try (Connection c = connectAsAdmin(target, address, next, context)) {
            List<String> hosts = hostsOf(c, user);
            if (hosts.isEmpty()) {
                throw new IOException("there is no user " + user + " at " + address);
            }
            for (String host : hosts) {
                alter(c, user, host, next);
            }
            return next;
        } catch (SQLException e) {
            throw new IOException(MariaDbAdminErrors.describe(e, user, address));
        }
    }

    @Override
    Connection connect(AdminAccess.Login login, Secret password, String address, VerifyContext context)
            throws SQLException {
        String url = "jdbc:mariadb://" + address + "/";
        Properties p = new Properties();
        p.setProperty("user", login.user());
        p.setProperty("password", password.reveal());
        String millis = Long.toString(Math.max(1, context.timeout().toMillis()));
        p.setProperty("connectTimeout", millis);
        p.setProperty("socketTimeout", millis);
        p.setProperty("permitRedirect", "false");
        p.setProperty("allowLocalInfile", "false");
        Connection c = DriverManager.getDriver(url).connect(url, p);
        if (c == null) {
            throw new SQLException("no driver", "08000");
        }
        return c;
    }

    private static List<String> hostsOf(Connection c, String user) throws SQLException {
        List<String> hosts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT Host FROM mysql.user WHERE User = ?")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hosts.add(rs.getString(1));
                }
            }
        }
        return hosts;
    }

    private static void alter(Connection c, String user, String host, Secret next) throws SQLException {
        if (!quotable(host)) {
            throw new SQLException("unquotable host", "HY000", MariaDbAdminErrors.UNQUOTABLE);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER USER " + literal(user) + "@" + literal(host) + " IDENTIFIED BY " + literal(next.reveal()));
        }
    }

    /**
     * No quote, backslash or control character: those are the only ones a single-quoted literal could
     * misread, and whether a backslash escapes depends on the server's SQL mode, so we refuse them outright.
     */
    static boolean quotable(String value) {
        return value.chars().noneMatch(ch -> ch == '\'' || ch == '\\' || ch == '"' || ch == '`' || ch < 0x20 || ch == 0x7f);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
