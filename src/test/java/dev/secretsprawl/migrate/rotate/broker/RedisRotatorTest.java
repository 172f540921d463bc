package dev.secretsprawl.migrate.rotate.broker;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.net.StandIns;
import dev.secretsprawl.verify.redis.RedisVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.secretsprawl.migrate.rotate.RotationFixtures.assertNoSecretIn;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.context;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.credential;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.password;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a real Redis 6 (the binary embedded-redis ships, started from a config file it writes) with a
 * requirepass for the default user and an admin ACL user {@code ops}; each test adds its own ACL user.
 */
class RedisRotatorTest {
    private static final String DEFAULT_PASSWORD = password();
    private static final String ADMIN_PASSWORD = password();
    private static RedisServer server;
    private static int port;
    private final List<URI> connections = new CopyOnWriteArrayList<>();
    private final VerifyContext context = context(connections);
    private final RedisRotator rotator = new RedisRotator();
    private final RedisVerifier verifier = new RedisVerifier();

    @BeforeAll
    static void startRedis() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "redis-rotate"));
        port = StandIns.freePort();
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").setting("dir " + dir.toAbsolutePath())
                .setting("requirepass " + DEFAULT_PASSWORD).build();
        server.start();
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.auth(DEFAULT_PASSWORD);
            jedis.aclSetUser("ops", "on", ">" + ADMIN_PASSWORD, "~*", "&*", "+@all");
        }
    }

    @AfterAll
    static void stopRedis() throws IOException {
        server.stop();
    }

    private static String aclUser(String password) {
        String user = user("cache");
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.auth("ops", ADMIN_PASSWORD);
            jedis.aclSetUser(user, "on", ">" + password, "~cache:*", "+get", "+set");
        }
        return user;
    }

    private static Credential url(String userInfo, String password, String host) {
        return credential(".env", "# cache\nREDIS_URL=redis://" + userInfo + "@" + host + ":" + port + "/0\nCACHE_TTL=60\n", password);
    }

    private static AdminAccess admin(String host, String password) {
        return new AdminAccess(Map.of("redis", URI.create("redis://ops@" + host + ":" + port)),
                Map.of("SPRAWL_ADMIN_REDIS_PASSWORD", password));
    }

    private Verification.Status check(Credential c) {
        return verifier.verify(c, context).status();
    }

    @Test
    void shouldMakeAnAclUsersLegacyPasswordRejectedAndTheNewOneAccepted() throws Exception {
        String legacy = password();
        String user = aclUser(legacy);
        Credential old = url(user + ":" + legacy, legacy, "127.0.0.1");
        assertThat(rotator.cannotRotate(old, admin("127.0.0.1", ADMIN_PASSWORD))).isEmpty();
        assertThat(check(old)).isEqualTo(Verification.Status.LIVE);

        Optional<Secret> proposed = rotator.propose(old);
        Secret rotated = rotator.rotate(old, proposed, admin("127.0.0.1", ADMIN_PASSWORD), context);

        assertThat(rotated).isEqualTo(proposed.orElseThrow());
        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        assertThat(check(url(user + ":" + rotated.reveal(), rotated.reveal(), "127.0.0.1"))).isEqualTo(Verification.Status.LIVE);
        assertThat(connections).contains(URI.create("redis://127.0.0.1:" + port));
    }

    @Test
    void shouldRotateAnAclUserAgainWithTheSameProposedValue() throws Exception {
        String legacy = password();
        String user = aclUser(legacy);
        Credential old = url(user + ":" + legacy, legacy, "127.0.0.1");
        Optional<Secret> proposed = rotator.propose(old);

        rotator.rotate(old, proposed, admin("127.0.0.1", ADMIN_PASSWORD), context);
        rotator.rotate(old, proposed, admin("127.0.0.1", ADMIN_PASSWORD), context);

        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        String next = proposed.orElseThrow().reveal();
        assertThat(check(url(user + ":" + next, next, "127.0.0.1"))).isEqualTo(Verification.Status.LIVE);
    }

    /** The common set-up: only a requirepass, so the admin is the default user whose password changes. */
    @Test
    void shouldChangeTheRequirepassOfTheDefaultUserTwiceAsOnceWhenItIsAlsoTheAdmin() throws Exception {
        Credential old = url(":" + DEFAULT_PASSWORD, DEFAULT_PASSWORD, "127.0.0.1");
        assertThat(check(old)).isEqualTo(Verification.Status.LIVE);
        Optional<Secret> proposed = rotator.propose(old);
        AdminAccess asDefault = new AdminAccess(Map.of("redis", URI.create("redis://127.0.0.1:" + port)),
                Map.of("SPRAWL_ADMIN_REDIS_PASSWORD", DEFAULT_PASSWORD));

        rotator.rotate(old, proposed, asDefault, context);
        rotator.rotate(old, proposed, asDefault, context);

        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        String next = proposed.orElseThrow().reveal();
        assertThat(check(url(":" + next, next, "127.0.0.1"))).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldClaimAGenericPasswordWrittenAsARedisSetting() throws Exception {
        String legacy = password();
        String user = aclUser(legacy);
        Credential generic = credential("config/cache.env", "REDIS_HOST=127.0.0.1\nREDIS_PORT=" + port + "\nREDIS_USERNAME="
                + user + "\nREDIS_PASSWORD=" + legacy + "\n", legacy);

        assertThat(IssuerActions.standard().rotator(generic)).containsInstanceOf(RedisRotator.class);
        rotator.rotate(generic, rotator.propose(generic), admin("127.0.0.1", ADMIN_PASSWORD), context);

        assertThat(check(generic)).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldNotRotateWithoutAnAdminConnectionOrThroughAnotherServerOrWithoutAHost() {
        String legacy = password();
        Credential old = url("cache:" + legacy, legacy, "127.0.0.1");
        Credential noHost = credential("ops.sh", "redis-cli -a " + legacy + " --no-auth-warning PING\n", legacy);

        assertThat(rotator.cannotRotate(old, AdminAccess.none()))
                .hasValueSatisfying(w -> assertThat(w).startsWith("no admin connection for redis"));
        assertThat(rotator.cannotRotate(old, admin("cache.internal", ADMIN_PASSWORD))).hasValue("the admin connection for redis"
                + " points at cache.internal:" + port + " but the password logs into 127.0.0.1:" + port);
        assertThat(rotator.cannotRotate(noHost, admin("127.0.0.1", ADMIN_PASSWORD))).hasValue("no Redis host written next to the password");
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldSayTheAdminLoginWasRejectedWithoutShowingAnyPassword() {
        String legacy = password();
        String user = aclUser(legacy);
        Credential old = url(user + ":" + legacy, legacy, "127.0.0.1");
        String wrongAdmin = password();
        Optional<Secret> proposed = rotator.propose(old);

        assertThatThrownBy(() -> rotator.rotate(old, proposed, admin("127.0.0.1", wrongAdmin), context))
                .isInstanceOf(IOException.class)
                .hasMessage("the admin login for redis at 127.0.0.1:" + port
                        + " was rejected: check the user in --admin and SPRAWL_ADMIN_REDIS_PASSWORD")
                .hasNoCause()
                .satisfies(e -> assertNoSecretIn(e.toString(), wrongAdmin, legacy, proposed.orElseThrow().reveal(), ADMIN_PASSWORD));
        assertThat(check(old)).isEqualTo(Verification.Status.LIVE);
    }

    /** A server started with arguments only has no file to save to: the change would vanish at its next restart. */
    @Test
    void shouldFailARotationTheServerCannotSave() throws Exception {
        int bare = StandIns.freePort();
        String binary = ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
        RedisServer noConfigFile = new RedisServer(bare, List.of(binary, "--port", String.valueOf(bare), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", Path.of("target", "redis-rotate").toAbsolutePath().toString()), true);
        noConfigFile.start();
        try {
            String legacy = password();
            try (Jedis jedis = new Jedis("127.0.0.1", bare)) {
                jedis.configSet("requirepass", legacy);
            }
            Credential old = credential(".env", "REDIS_URL=redis://:" + legacy + "@127.0.0.1:" + bare + "/0\n", legacy);
            AdminAccess asDefault = new AdminAccess(Map.of("redis", URI.create("redis://127.0.0.1:" + bare)),
                    Map.of("SPRAWL_ADMIN_REDIS_PASSWORD", legacy));
            Optional<Secret> proposed = rotator.propose(old);

            assertThatThrownBy(() -> rotator.rotate(old, proposed, asDefault, context))
                    .isInstanceOf(IOException.class)
                    .hasMessage("the password of Redis user default at 127.0.0.1:" + bare + " changed, but the server could"
                            + " not save it (no config or ACL file): a restart would bring the legacy password back;"
                            + " write the new password into the server's configuration")
                    .satisfies(e -> assertNoSecretIn(e.toString(), legacy, proposed.orElseThrow().reveal()));
        } finally {
            noConfigFile.stop();
        }
    }

    @Test
    void shouldNeverCreateAUserThatDoesNotExist() {
        String legacy = password();
        Credential old = url("cache_gone:" + legacy, legacy, "127.0.0.1");

        assertThatThrownBy(() -> rotator.rotate(old, rotator.propose(old), admin("127.0.0.1", ADMIN_PASSWORD), context))
                .isInstanceOf(IOException.class).hasMessage("there is no Redis user cache_gone at 127.0.0.1:" + port);
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.auth("ops", ADMIN_PASSWORD);
            assertThat(jedis.aclGetUser("cache_gone")).isNull();
        }
    }
}
