package dev.secretsprawl.migrate.rotate.broker;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.amqp.AmqpVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
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
 * Against a real Apache Qpid Broker-J (in this JVM): the password is changed through its management REST API
 * on the HTTP port, and checked by logging in over AMQP 0-9-1 with the existing verifier.
 */
class AmqpRotatorTest {
    private static final String ADMIN_PASSWORD = password();
    private static QpidManagedBroker broker;
    private final List<URI> connections = new CopyOnWriteArrayList<>();
    private final VerifyContext context = context(connections);
    private final AmqpRotator rotator = new AmqpRotator();
    private final AmqpVerifier verifier = new AmqpVerifier();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new QpidManagedBroker(ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static String brokerUser(String password) {
        String user = user("orders");
        broker.createUser(user, password);
        return user;
    }

    private static Credential url(String user, String password, String host) {
        return credential(".env", "# broker\nRABBITMQ_URL=amqp://" + user + ":" + password + "@" + host + ":"
                + broker.amqpPort() + "/orders\nPREFETCH=10\n", password);
    }

    private static AdminAccess admin(String host, String password) {
        return new AdminAccess(Map.of("amqp", URI.create("qpid+http://ops@" + host + ":" + broker.httpPort())),
                Map.of("SPRAWL_ADMIN_AMQP_PASSWORD", password));
    }

    private Verification.Status check(Credential c) throws Exception {
        return verifier.verify(c, context).status();
    }

    @Test
    void shouldMakeTheLegacyPasswordRejectedAndTheNewOneAccepted() throws Exception {
        String legacy = password();
        String user = brokerUser(legacy);
        Credential old = url(user, legacy, "127.0.0.1");
        assertThat(rotator.cannotRotate(old, admin("127.0.0.1", ADMIN_PASSWORD))).isEmpty();
        assertThat(check(old)).isEqualTo(Verification.Status.LIVE);

        Optional<Secret> proposed = rotator.propose(old);
        Secret rotated = rotator.rotate(old, proposed, admin("127.0.0.1", ADMIN_PASSWORD), context);

        assertThat(rotated).isEqualTo(proposed.orElseThrow());
        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        assertThat(check(url(user, rotated.reveal(), "127.0.0.1"))).isEqualTo(Verification.Status.LIVE);
        assertThat(connections).allSatisfy(u -> assertThat(u.getHost()).isEqualTo("127.0.0.1"))
                .anySatisfy(u -> assertThat(u.getPort()).isEqualTo(broker.httpPort()));
    }

    @Test
    void shouldRotateAgainWithTheSameProposedValue() throws Exception {
        String legacy = password();
        String user = brokerUser(legacy);
        Credential old = url(user, legacy, "127.0.0.1");
        Optional<Secret> proposed = rotator.propose(old);

        rotator.rotate(old, proposed, admin("127.0.0.1", ADMIN_PASSWORD), context);
        rotator.rotate(old, proposed, admin("127.0.0.1", ADMIN_PASSWORD), context);

        assertThat(check(old)).isEqualTo(Verification.Status.DEAD);
        assertThat(check(url(user, proposed.orElseThrow().reveal(), "127.0.0.1"))).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldClaimAGenericPasswordWrittenAsRabbitMqSettings() throws Exception {
        String legacy = password();
        String user = brokerUser(legacy);
        Credential generic = credential("config/application.properties", "spring.rabbitmq.host=127.0.0.1\n"
                + "spring.rabbitmq.port=" + broker.amqpPort() + "\nspring.rabbitmq.username=" + user
                + "\nspring.rabbitmq.password=" + legacy + "\nspring.rabbitmq.virtual-host=orders\n", legacy);

        assertThat(IssuerActions.standard().rotator(generic)).containsInstanceOf(AmqpRotator.class);
        rotator.rotate(generic, rotator.propose(generic), admin("127.0.0.1", ADMIN_PASSWORD), context);

        assertThat(check(generic)).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldNotRotateWithoutAnAdminConnectionOrThroughAnotherHostOrWithoutAUser() {
        String legacy = password();
        Credential old = url("orders", legacy, "127.0.0.1");
        Credential noUser = url("", legacy, "127.0.0.1");

        assertThat(rotator.cannotRotate(old, AdminAccess.none()))
                .hasValueSatisfying(w -> assertThat(w).startsWith("no admin connection for amqp"));
        assertThat(rotator.cannotRotate(old, admin("mq.internal", ADMIN_PASSWORD)))
                .hasValue("the admin connection for amqp points at mq.internal but the password logs into 127.0.0.1");
        assertThat(rotator.cannotRotate(noUser, admin("127.0.0.1", ADMIN_PASSWORD))).hasValue("no user written next to the password");
        assertThat(rotator.cannotRotate(old, new AdminAccess(Map.of("amqp", URI.create("amqp://ops@127.0.0.1:5672")), Map.of())))
                .hasValueSatisfying(w -> assertThat(w).contains("management API"));
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldSayTheAdminLoginWasRejectedWithoutShowingAnyPassword() throws Exception {
        String legacy = password();
        String user = brokerUser(legacy);
        Credential old = url(user, legacy, "127.0.0.1");
        String wrongAdmin = password();
        Optional<Secret> proposed = rotator.propose(old);

        assertThatThrownBy(() -> rotator.rotate(old, proposed, admin("127.0.0.1", wrongAdmin), context))
                .isInstanceOf(IOException.class)
                .hasMessage("the admin login for amqp at http://127.0.0.1:" + broker.httpPort()
                        + " was rejected: check the user in --admin and SPRAWL_ADMIN_AMQP_PASSWORD")
                .hasNoCause()
                .satisfies(e -> assertNoSecretIn(e.toString(), wrongAdmin, legacy, proposed.orElseThrow().reveal(), ADMIN_PASSWORD));
        assertThat(check(old)).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldNeverCreateAUserThatDoesNotExist() throws Exception {
        String legacy = password();
        Credential old = url("orders_gone", legacy, "127.0.0.1");
        Optional<Secret> proposed = rotator.propose(old);

        assertThatThrownBy(() -> rotator.rotate(old, proposed, admin("127.0.0.1", ADMIN_PASSWORD), context))
                .isInstanceOf(IOException.class).hasMessageStartingWith("there is no user orders_gone");
        String next = proposed.orElseThrow().reveal();
        assertThat(check(url("orders_gone", next, "127.0.0.1"))).isEqualTo(Verification.Status.DEAD);
    }
}
