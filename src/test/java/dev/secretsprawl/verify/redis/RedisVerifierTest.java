package dev.secretsprawl.verify.redis;

import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifierContractTest;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.net.StandIns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real Redis 6 server (the binary embedded-redis ships) with a requirepass and an ACL user. */
class RedisVerifierTest extends VerifierContractTest {
    private static final SyntheticCredentials RANDOM = new SyntheticCredentials(102);
    private static final String PASSWORD = "Zq7" + RANDOM.base62(17);   // a digit and both cases: never mistaken for a word
    private static final String ALICE_PASSWORD = "Zq7" + RANDOM.base62(17);
    private static RedisServer server;
    private static RedisServer open;
    private static ServerSocket silent;
    private static ServerSocket garbage;
    private final List<URI> connections = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServers() throws IOException {
        server = start(List.of("requirepass " + PASSWORD));
        try (Jedis admin = admin()) {
            admin.aclSetUser("alice", "on", ">" + ALICE_PASSWORD, "~*", "+@all");
        }
        open = start(List.of());
        silent = StandIns.silent();
        garbage = StandIns.answering("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    }

    static RedisServer start(List<String> settings) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "redis-test"));
        var builder = RedisServer.newRedisServer().port(StandIns.freePort()).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").setting("dir " + dir.toAbsolutePath());
        settings.forEach(builder::setting);
        RedisServer redis = builder.build();
        redis.start();
        return redis;
    }

    @AfterAll
    static void stopServers() throws IOException {
        server.stop();
        open.stop();
        silent.close();
        garbage.close();
    }

    private static Jedis admin() {
        Jedis jedis = new Jedis("127.0.0.1", port(server));
        jedis.auth(PASSWORD);
        return jedis;
    }

    private static int port(RedisServer redis) {
        return redis.ports().get(0);
    }

    private VerifyContext context(Duration timeout) {
        return new VerifyContext(Endpoints.with(Map.of()), timeout, connections::add);
    }

    private Case url(String userInfo, int port) {
        String text = "# cache\nREDIS_URL=redis://" + userInfo + "@127.0.0.1:" + port + "/0\nCACHE_TTL=60\n";
        return new Case(Detected.credential(".env", text, "uri-redis"), context(Duration.ofSeconds(5)));
    }

    @Override
    protected Verifier verifier() {
        return new RedisVerifier();
    }

    @Override
    protected Case live() {
        return url(":" + PASSWORD, port(server));
    }

    @Override
    protected Case dead() {
        return url(":" + RANDOM.base62(20), port(server));
    }

    @Override
    protected Case timeout() {
        String text = "REDIS_URL=redis://:" + PASSWORD + "@127.0.0.1:" + silent.getLocalPort() + "\n";
        return new Case(Detected.credential(".env", text, "uri-redis"), context(Duration.ofSeconds(1)));
    }

    @Override
    protected Case unexpected() {
        return url(":" + PASSWORD, garbage.getLocalPort());
    }

    @Override
    protected Case notFound() {
        String text = "redis-cli -a " + PASSWORD + " --no-auth-warning PING\n";
        return new Case(Detected.credential("ops.sh", text, "redis-cli-password"), context(Duration.ofSeconds(5)));
    }

    @Test
    void shouldSayLiveBeforeRequirepassChangesAndDeadAfter() throws Exception {
        String before = RANDOM.base62(20);
        try (Jedis admin = admin()) {
            admin.configSet("requirepass", before);
            try {
                Case old = url(":" + before, port(server));
                assertThat(check(old).status()).isEqualTo(Verification.Status.LIVE);
                admin.configSet("requirepass", RANDOM.base62(20));
                assertThat(check(old)).isEqualTo(Verification.dead(
                        "Redis at 127.0.0.1:" + port(server) + " rejected the password of user default"));
            } finally {
                admin.configSet("requirepass", PASSWORD); // the connection stays logged in
            }
        }
    }

    @Test
    void shouldCheckANamedAclUserAndSayDeadOnceItsPasswordChanges() throws Exception {
        String password = RANDOM.base62(20);
        try (Jedis admin = admin()) {
            admin.aclSetUser("bob", "on", ">" + password, "~*", "+@all");
            Case bob = url("bob:" + password, port(server));
            assertThat(check(bob)).isEqualTo(Verification.live(
                    "Redis user bob at 127.0.0.1:" + port(server) + " accepts the password"));
            admin.aclSetUser("bob", "resetpass", ">" + RANDOM.base62(20));
            assertThat(check(bob).status()).isEqualTo(Verification.Status.DEAD);
        }
    }

    @Test
    void shouldSayLiveForTheDefaultUserNamedInTheUrl() throws Exception {
        assertThat(check(url("default:" + PASSWORD, port(server))).status()).isEqualTo(Verification.Status.LIVE);
        assertThat(check(url("alice:" + ALICE_PASSWORD, port(server))).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSayUnknownWhenTheServerRequiresNoPassword() throws Exception {
        assertThat(check(url(":" + PASSWORD, port(open)))).isEqualTo(Verification.unknown(RedisVerifier.NO_PASSWORD));
        assertThat(check(url("default:" + PASSWORD, port(open)))).isEqualTo(Verification.unknown(RedisVerifier.NO_PASSWORD));
    }

    @Test
    void shouldStillCheckANamedUserOnAServerWhoseDefaultUserNeedsNoPassword() throws Exception {
        String password = RANDOM.base62(20);
        try (Jedis admin = new Jedis("127.0.0.1", port(open))) {
            admin.aclSetUser("carol", "on", ">" + password, "~*", "+@all");
        }
        assertThat(check(url("carol:" + password, port(open))).status()).isEqualTo(Verification.Status.LIVE);
        assertThat(check(url("carol:" + RANDOM.base62(20), port(open))).status()).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldSayUnknownOnceTheServerIsStopped() throws Exception {
        RedisServer stopped = start(List.of("requirepass " + PASSWORD));
        int port = port(stopped);
        stopped.stop();
        Verification v = check(url(":" + PASSWORD, port));
        assertThat(v).isEqualTo(Verification.unknown("could not connect"));
    }

    @Test
    void shouldReadHostPortAndUserOfARedisCliCommand() throws Exception {
        String text = "redis-cli -h 127.0.0.1 -p " + port(server) + " --user alice -a '" + ALICE_PASSWORD + "' --no-auth-warning INFO\n";
        Case c = new Case(Detected.credential("backup.sh", text, "redis-cli-password"), context(Duration.ofSeconds(5)));
        assertThat(check(c)).isEqualTo(Verification.live("Redis user alice at 127.0.0.1:" + port(server) + " accepts the password"));
    }

    @Test
    void shouldTakeTheHostOfARedisCliCommandFromSettingsBesideIt() throws Exception {
        String text = "export REDIS_HOST=127.0.0.1\nexport REDIS_PORT=" + port(server) + "\n"
                + "redis-cli --pass " + PASSWORD + " --no-auth-warning PING\n";
        Case c = new Case(Detected.credential("warm.sh", text, "redis-cli-password"), context(Duration.ofSeconds(5)));
        assertThat(check(c).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldDecodeAPercentEncodedPassword() throws Exception {
        String password = RANDOM.base62(10) + "@#" + RANDOM.base62(10);
        try (Jedis admin = admin()) {
            admin.aclSetUser("dave", "on", ">" + password, "~*", "+@all");
        }
        String encoded = password.replace("@", "%40").replace("#", "%23");
        assertThat(check(url("dave:" + encoded, port(server))).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldTellWhereItConnectsWithoutThePassword() throws Exception {
        check(live());
        assertThat(connections).containsExactly(URI.create("redis://127.0.0.1:" + port(server)));
    }

    @Test
    void shouldNotConnectToADocumentationHost() throws Exception {
        String text = "REDIS_URL=redis://:" + PASSWORD + "@cache.example.com:6379/0\n";
        Case c = new Case(Detected.credential(".env", text, "uri-redis"), context(Duration.ofSeconds(5)));
        assertThat(check(c)).isEqualTo(Verification.unknown("placeholder host cache.example.com (reserved for documentation)"));
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldScopeByServerAndUser() {
        RedisVerifier verifier = new RedisVerifier();
        assertThat(verifier.scope(url(":" + PASSWORD, 7000).credential()))
                .isNotEqualTo(verifier.scope(url(":" + PASSWORD, 7001).credential()))
                .doesNotContain(PASSWORD);
    }

    @Test
    void shouldClaimAGenericPasswordWrittenAsARedisSettingBesideItsHost() throws Exception {
        String text = "REDIS_HOST=127.0.0.1\nREDIS_PORT=" + port(server) + "\nREDIS_PASSWORD=" + PASSWORD + "\n";
        Case c = new Case(Detected.credential(".env", text, "generic-password-unquoted"), context(Duration.ofSeconds(5)));
        assertThat(c.credential().issuer()).isEqualTo("generic");
        assertThat(check(c).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldLeaveAGenericPasswordWithoutARedisHostAlone() {
        String text = "DB_HOST=127.0.0.1\nDB_PASSWORD=" + PASSWORD + "\n";
        assertThat(new RedisVerifier().claims(Detected.credential(".env", text, "generic-password-unquoted"))).isFalse();
    }

    @Test
    void shouldNameWhatWentWrong() throws Exception {
        assertThat(check(timeout()).detail()).isEqualTo("timed out");
        assertThat(check(unexpected()).detail()).isEqualTo("unexpected answer: the server does not speak the Redis protocol");
        assertThat(check(notFound()).detail()).isEqualTo("no Redis host written next to the password");
    }
}
