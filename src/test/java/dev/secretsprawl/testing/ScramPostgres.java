package dev.secretsprawl.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL (zonky's embedded binaries) that asks every connection for a scram-sha-256 password, so
 * a legacy password's death is decided by the server itself. The superuser's password is generated per run.
 */
public final class ScramPostgres implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres pg;
    private final String adminPassword;

    private ScramPostgres(EmbeddedPostgres pg, String adminPassword) {
        this.pg = pg;
        this.adminPassword = adminPassword;
    }

    public static ScramPostgres start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "embedded-pg").toAbsolutePath());
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile()).start();
        String admin = password();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + admin + "'");
            String hbaFile;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hbaFile = rs.getString(1);
            }
            Files.writeString(Path.of(hbaFile), """
                    local all all scram-sha-256
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            s.execute("SELECT pg_reload_conf()");
        }
        return new ScramPostgres(pg, admin);
    }

    /** A random password every password rule reports: both cases, a digit, no stopword inside. */
    public static String password() {
        return dev.secretsprawl.migrate.rotate.RotationFixtures.password();
    }

    public int port() {
        return pg.getPort();
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Creates a login role with this password; returns its generated name. */
    public String createRole(String password) throws SQLException {
        String role = "app_" + Integer.toHexString(RANDOM.nextInt(0xffffff));
        try (Connection c = DriverManager.getConnection(jdbc(), "postgres", adminPassword); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        }
        return role;
    }

    /** Whether ROLE can log in with PASSWORD right now. */
    public boolean accepts(String role, String password) {
        try (Connection c = DriverManager.getConnection(jdbc(), role, password)) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private String jdbc() {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
    }

    @Override
    public void close() throws Exception {
        pg.close();
    }
}
