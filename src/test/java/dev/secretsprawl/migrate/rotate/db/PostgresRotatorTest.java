package dev.secretsprawl.migrate.rotate.db;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.db.DatabasePasswordVerifier;
import dev.secretsprawl.testing.ScramPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.secretsprawl.migrate.rotate.RotationFixtures.assertNoSecretIn;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.context;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.credential;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a real PostgreSQL (zonky embedded binaries) whose pg_hba.conf asks every connection for a
 * scram-sha-256 password, so the old and new passwords are checked by the server itself.
 */
class PostgresRotatorTest {
    private static ScramPostgres pg;
    private static String adminPassword;
    private final List<URI> connections = new CopyOnWriteArrayList<>();
    private final VerifyContext context = context(connections);
    private final PostgresRotator rotator = new PostgresRotator();
    private final DatabasePasswordVerifier verifier = new DatabasePasswordVerifier();

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = ScramPostgres.start();
        adminPassword = pg.adminPassword();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    private static String role(String password) throws Exception {
        String role = dev.secretsprawl.migrate.rotate.RotationFixtures.user("app");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.port() + "/postgres",
                "postgres", adminPassword); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        }
        return role;
    }

    private static Credential url(String role, String password, String host) {
        return credential(".env", "APP_ENV=production\nDATABASE_URL=postgres://" + role + ":" + password + "@" + host + ":"
                + pg.port() + "/postgres\nLOG_LEVEL=info\n", password);
    }

    private static AdminAccess admin(String host, String password) {
        return new AdminAccess(Map.of("postgres", URI.create("postgresql://postgres@" + host + ":" + pg.port() + "/postgres")),
                Map.of("SPRAWL_ADMIN_POSTGRES_PASSWORD", password));
    }

    private Verification.Status check(Credential c) throws Exception {
        return verifier.verify(c, context).status();
    }

    @Test
    void shouldMakeTheLegacyPasswordRejectedAndTheNewOneAccepted() throws Exception {
        String legacy = password();
        String role = role(legacy);
        Credential old = url(role, legacy, "localhost");
        AdminAccess admin = admin("localhost", adminPassword);
        assertThat(rotator.cannotRotate(old, admin)).isEmpty();
        assertThat(check(old)).isEqualTo(Verification.Status.LIVE);

        Optional<Secret> proposed = rotator.propose(old);
        Secret rotated = rotator.rotate(old, proposed, admin, context);

        assertThat(rotated).isEqualTo(proposed.orElseThrow());
        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        assertThat(check(url(role, rotated.reveal(), "localhost"))).isEqualTo(Verification.Status.LIVE);
        assertThat(connections).contains(URI.create("postgresql://localhost:" + pg.port()));
        assertNoSecretIn(rotated.toString(), rotated);
    }

    @Test
    void shouldRotateAgainWithTheSameProposedValue() throws Exception {
        String legacy = password();
        String role = role(legacy);
        Credential old = url(role, legacy, "localhost");
        Optional<Secret> proposed = rotator.propose(old);

        rotator.rotate(old, proposed, admin("localhost", adminPassword), context);
        Secret again = rotator.rotate(old, proposed, admin("localhost", adminPassword), context);

        assertThat(again).isEqualTo(proposed.orElseThrow());
        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        assertThat(check(url(role, again.reveal(), "localhost"))).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldRotateAgainWhenTheAdminIsTheRoleItselfAndItsPasswordAlreadyChanged() throws Exception {
        String legacy = password();
        String role = role(legacy);
        Credential old = url(role, legacy, "localhost");
        AdminAccess asItself = new AdminAccess(Map.of("postgres", URI.create("postgresql://" + role + "@localhost:" + pg.port() + "/postgres")),
                Map.of("SPRAWL_ADMIN_POSTGRES_PASSWORD", legacy));
        Optional<Secret> proposed = rotator.propose(old);

        rotator.rotate(old, proposed, asItself, context);
        rotator.rotate(old, proposed, asItself, context);

        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        assertThat(check(url(role, proposed.orElseThrow().reveal(), "localhost"))).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldClaimAndRotateAGenericPasswordWrittenWithItsHostAndUser() throws Exception {
        String legacy = password();
        String role = role(legacy);
        Credential generic = credential("config/app.env", "# database\nDB_CONNECTION=pgsql\nDB_HOST=127.0.0.1\nDB_PORT=" + pg.port()
                + "\nDB_USER=" + role + "\nDB_PASSWORD=" + legacy + "\n", legacy);
        AdminAccess admin = new AdminAccess(Map.of("postgres", URI.create("postgresql://postgres@127.0.0.1:" + pg.port())),
                Map.of("SPRAWL_ADMIN_POSTGRES_PASSWORD", adminPassword));

        assertThat(IssuerActions.standard().rotator(generic)).containsInstanceOf(PostgresRotator.class);
        rotator.rotate(generic, rotator.propose(generic), admin, context);

        assertThat(check(generic)).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldNotRotateWithoutAnAdminConnection() {
        Optional<String> why = rotator.cannotRotate(url("app_orders", password(), "localhost"), AdminAccess.none());

        assertThat(why).hasValueSatisfying(w -> assertThat(w).startsWith("no admin connection for postgres"));
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldNotRotateThroughAnAdminOfAnotherServer() {
        Credential old = url("app_orders", password(), "localhost");

        Optional<String> why = rotator.cannotRotate(old, admin("db2.internal", adminPassword));

        assertThat(why).hasValue("the admin connection for postgres points at db2.internal:" + pg.port()
                + " but the password logs into localhost:" + pg.port());
        assertThatThrownBy(() -> rotator.rotate(old, rotator.propose(old), admin("db2.internal", adminPassword), context))
                .isInstanceOf(IOException.class).hasMessageContaining("points at db2.internal");
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldNotRotateWhenNoUserIsWrittenNextToThePassword() {
        String legacy = password();
        Credential noUser = credential(".env", "DATABASE_URL=postgres://:" + legacy + "@localhost:" + pg.port() + "/postgres\n", legacy);

        assertThat(rotator.cannotRotate(noUser, admin("localhost", adminPassword))).hasValue("no user next to the password");
    }

    @Test
    void shouldSayTheAdminLoginWasRejectedWithoutShowingAnyPassword() throws Exception {
        String legacy = password();
        String role = role(legacy);
        Credential old = url(role, legacy, "localhost");
        String wrongAdmin = password();
        Optional<Secret> proposed = rotator.propose(old);

        assertThatThrownBy(() -> rotator.rotate(old, proposed, admin("localhost", wrongAdmin), context))
                .isInstanceOf(IOException.class)
                .hasMessage("the admin login for postgres at localhost:" + pg.port()
                        + " was rejected: check the user in --admin and SPRAWL_ADMIN_POSTGRES_PASSWORD")
                .hasNoCause()
                .satisfies(e -> assertNoSecretIn(e.toString(), wrongAdmin, legacy, proposed.orElseThrow().reveal(), adminPassword));
        assertThat(check(old)).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSayWhenTheRoleDoesNotExist() {
        String legacy = password();
        Credential old = url("app_gone", legacy, "localhost");

        assertThatThrownBy(() -> rotator.rotate(old, rotator.propose(old), admin("localhost", adminPassword), context))
                .isInstanceOf(IOException.class)
                .hasMessage("there is no role app_gone at localhost:" + pg.port());
    }
}
