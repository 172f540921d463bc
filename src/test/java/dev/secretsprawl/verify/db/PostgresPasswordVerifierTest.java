package dev.secretsprawl.verify.db;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifierContractTest;
import dev.secretsprawl.verify.VerifyContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real PostgreSQL (zonky embedded binaries, started once for the class). initdb trusts every
 * local connection, so the set-up gives the superuser a password, then switches pg_hba.conf to
 * scram-sha-256 for every connection and reloads: from then on only a right password logs in.
 */
class PostgresPasswordVerifierTest extends VerifierContractTest {
    /** pg_hba.conf turns this role away before any password is checked. */
    private static final String REJECTED_ROLE = "turned_away";
    private static EmbeddedPostgres pg;
    private static String adminPassword;
    private static StandInServers standIns;
    private final List<URI> connections = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        Path work = Path.of("target", "embedded-pg").toAbsolutePath();
        Files.createDirectories(work);
        pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile()).start();
        adminPassword = StandInServers.password(24);
        String hbaFile;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + adminPassword + "'");
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hbaFile = rs.getString(1);
            }
            Files.writeString(Path.of(hbaFile), """
                    local all all scram-sha-256
                    host all %1$s 127.0.0.1/32 reject
                    host all %1$s ::1/128 reject
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """.formatted(REJECTED_ROLE));
            s.execute("SELECT pg_reload_conf()");
        }
        standIns = new StandInServers();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        standIns.close();
        pg.close();
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
                "postgres", adminPassword); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String role(String password) throws SQLException {
        String role = StandInServers.user("app");
        admin("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        return role;
    }

    private VerifyContext context(Duration timeout) {
        return new VerifyContext(Endpoints.defaults(), timeout, connections::add);
    }

    private static Credential uri(String user, String password, String host, int port, String db) {
        return Detected.credential(".env", "APP_ENV=production\nDATABASE_URL=postgres://" + user + ":" + password
                + "@" + host + ":" + port + "/" + db + "\nLOG_LEVEL=info\n", "uri-postgres");
    }

    @Override
    protected Verifier verifier() {
        return new DatabasePasswordVerifier();
    }

    @Override
    protected Case live() throws Exception {
        String password = StandInServers.password(20);
        return new Case(uri(role(password), password, "localhost", pg.getPort(), "postgres"), context(Duration.ofSeconds(10)));
    }

    @Override
    protected Case dead() throws Exception {
        String old = StandInServers.password(20);
        String role = role(old);
        admin("ALTER ROLE " + role + " PASSWORD '" + StandInServers.password(20) + "'");
        return new Case(uri(role, old, "localhost", pg.getPort(), "postgres"), context(Duration.ofSeconds(10)));
    }

    @Override
    protected Case timeout() throws Exception {
        return new Case(uri("app", StandInServers.password(20), "127.0.0.1", standIns.silent(), "app"),
                context(Duration.ofSeconds(1)));
    }

    @Override
    protected Case unexpected() throws Exception {
        return new Case(uri("app", StandInServers.password(20), "127.0.0.1", standIns.garbage(), "app"),
                context(Duration.ofSeconds(5)));
    }

    @Override
    protected Case notFound() {
        Credential c = Detected.credential(".env", "DATABASE_URL=postgres://app:" + StandInServers.password(20)
                + "@${DB_HOST}:5432/app\n", "uri-postgres");
        return new Case(c, context(Duration.ofSeconds(5)));
    }

    @Test
    void shouldSayLiveBeforeAndDeadAfterThePasswordIsChanged() throws Exception {
        String password = StandInServers.password(20);
        String role = role(password);
        Credential c = uri(role, password, "localhost", pg.getPort(), "postgres");

        Verification before = check(new Case(c, context(Duration.ofSeconds(10))));
        admin("ALTER ROLE " + role + " PASSWORD '" + StandInServers.password(20) + "'");
        Verification after = check(new Case(c, context(Duration.ofSeconds(10))));

        assertThat(before).isEqualTo(Verification.live("authenticated as " + role + " at localhost:" + pg.getPort()));
        assertThat(after).isEqualTo(Verification.dead("authentication failed for user " + role + " at localhost:" + pg.getPort()));
    }

    @Test
    void shouldTellTheContextWhereThePasswordGoesBeforeConnecting() throws Exception {
        check(live());

        assertThat(connections).containsExactly(URI.create("postgresql://localhost:" + pg.getPort()));
    }

    @Test
    void shouldSayLiveWhenThePasswordWorksButTheDatabaseDoesNotExist() throws Exception {
        String password = StandInServers.password(20);
        String role = role(password);

        Verification v = check(new Case(uri(role, password, "localhost", pg.getPort(), "no_such_db"), context(Duration.ofSeconds(10))));

        assertThat(v.status()).isEqualTo(Verification.Status.LIVE);
        assertThat(v.detail()).contains("does not exist");
    }

    @Test
    void shouldSayUnknownWhenNothingListensAtTheHost() throws Exception {
        Verification v = check(new Case(uri("app", StandInServers.password(20), "127.0.0.1", StandInServers.closedPort(), "app"),
                context(Duration.ofSeconds(5))));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).startsWith("could not connect to 127.0.0.1:");
    }

    @Test
    void shouldDecodeAPercentEncodedPasswordFromTheUri() throws Exception {
        String password = StandInServers.password(16) + "@:/?";
        String role = role(password);
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);

        Verification v = check(new Case(uri(role, encoded, "localhost", pg.getPort(), "postgres"), context(Duration.ofSeconds(10))));

        assertThat(v.status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldCheckAJdbcUrlWithUserAndPasswordProperties() throws Exception {
        String password = StandInServers.password(20);
        String role = role(password);
        Credential c = Detected.credential("application.properties", "spring.datasource.url=jdbc:postgresql://localhost:"
                + pg.getPort() + "/postgres?user=" + role + "&password=" + password + "&ssl=false\n", "jdbc-password-param");

        assertThat(check(new Case(c, context(Duration.ofSeconds(10)))).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldCheckAGenericPasswordWithHostAndUserSettingsNextToIt() throws Exception {
        String password = StandInServers.password(20);
        String role = role(password);
        Credential c = Detected.credential(".env", "PGHOST=localhost\nPGPORT=" + pg.getPort() + "\nPGUSER=" + role
                + "\nPGPASSWORD=" + password + "\nPGDATABASE=postgres\n", "generic-password-unquoted");
        DatabasePasswordVerifier verifier = new DatabasePasswordVerifier();

        assertThat(verifier.claims(c)).isTrue();
        assertThat(check(new Case(c, context(Duration.ofSeconds(10)))).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldNameTheMissingAnswerAsTheReason() throws Exception {
        int silent = standIns.silent();

        Verification v = check(new Case(uri("app", StandInServers.password(20), "127.0.0.1", silent, "app"), context(Duration.ofSeconds(1))));

        assertThat(v).isEqualTo(Verification.unknown("no answer from 127.0.0.1:" + silent + " in time"));
    }

    @Test
    void shouldSayUnknownNotDeadWhenPgHbaTurnsTheLoginAwayBeforeThePasswordIsChecked() throws Exception {
        String password = StandInServers.password(20);
        admin("CREATE ROLE " + REJECTED_ROLE + " LOGIN PASSWORD '" + password + "'");

        Verification v = check(new Case(uri(REJECTED_ROLE, password, "127.0.0.1", pg.getPort(), "postgres"), context(Duration.ofSeconds(10))));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("before checking the password");
    }

    @Test
    void shouldSayUnknownNotDeadWhenTheRightPasswordBelongsToARoleThatMayNotLogIn() throws Exception {
        String password = StandInServers.password(20);
        String role = StandInServers.user("nologin");
        admin("CREATE ROLE " + role + " NOLOGIN PASSWORD '" + password + "'");

        Verification v = check(new Case(uri(role, password, "localhost", pg.getPort(), "postgres"), context(Duration.ofSeconds(10))));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldCheckAPgpasswordPrefixOfAPsqlCommand() throws Exception {
        String password = StandInServers.password(20);
        String role = role(password);
        Credential c = Detected.credential("Jenkinsfile", "sh 'PGPASSWORD=" + password + " psql -h localhost -p " + pg.getPort()
                + " -U " + role + " -d postgres -c \"select 1\"'\n", "shell-env-prefix-credential");

        assertThat(check(new Case(c, context(Duration.ofSeconds(10)))).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldLeaveAGenericPasswordWithNoDatabaseNextToItToOthers() {
        Credential c = Detected.credential("app.yml", "smtp:\n  host: mail.internal\n  username: mailer\n  password: "
                + StandInServers.password(20) + "\n", "generic-password-unquoted");

        assertThat(new DatabasePasswordVerifier().claims(c)).isFalse();
    }

    @Test
    void shouldSayUnknownNotDeadWhenTheRejectedUserWasGuessedRatherThanWritten() throws Exception {
        admin("DO $$ BEGIN CREATE ROLE root LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        admin("ALTER ROLE root PASSWORD '" + StandInServers.password(20) + "'");
        // the user "root" comes from the key's name, not from a user setting next to the password
        Credential c = Detected.credential(".env", "DB_CONNECTION=pgsql\nDB_ROOT_HOST=localhost\nDB_ROOT_PORT=" + pg.getPort()
                + "\nDB_ROOT_PASSWORD=" + StandInServers.password(20) + "\n", "generic-password-unquoted");

        Verification v = check(new Case(c, context(Duration.ofSeconds(10))));

        assertThat(v).isEqualTo(Verification.unknown("authentication failed for user root at localhost:" + pg.getPort()
                + ", but that user or host was not written with the password"));
    }

    @Test
    void shouldSayUnknownNotDeadWhenTheHostCameFromAnotherBlockButLiveWhenThePasswordWorks() throws Exception {
        String password = StandInServers.password(20);
        String role = role(password);
        String stale = StandInServers.password(20);
        String lines = "DB_CONNECTION=pgsql\nDATABASE_HOST=localhost:" + pg.getPort() + "\nDB_USER=" + role + "\nDB_PASSWORD=";

        Verification rejected = check(new Case(Detected.credential(".env", lines + stale + "\n", "generic-password-unquoted"),
                context(Duration.ofSeconds(10))));
        Verification accepted = check(new Case(Detected.credential(".env", lines + password + "\n", "generic-password-unquoted"),
                context(Duration.ofSeconds(10))));

        assertThat(rejected.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(rejected.detail()).startsWith("authentication failed for user " + role).doesNotContain(stale);
        assertThat(accepted.status()).isEqualTo(Verification.Status.LIVE);
    }
}
