package dev.secretsprawl.verify.amqp;

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

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real AMQP 0-9-1 broker (Apache Qpid Broker-J, in this JVM) with a user whose password changes. */
class AmqpVerifierTest extends VerifierContractTest {
    private static final SyntheticCredentials RANDOM = new SyntheticCredentials(103);
    private static final String USER = "orders";
    private static final String PASSWORD = RANDOM.base62(20);
    private static QpidBroker broker;
    private static ServerSocket silent;
    private static ServerSocket garbage;
    private final List<URI> connections = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = QpidBroker.start(StandIns.freePort(), USER, PASSWORD);
        silent = StandIns.silent();
        garbage = StandIns.answering("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
        silent.close();
        garbage.close();
    }

    private VerifyContext context(Duration timeout) {
        return new VerifyContext(Endpoints.with(Map.of()), timeout, connections::add);
    }

    private Case url(String userInfo, int port, String path) {
        String text = "# broker\nRABBITMQ_URL=amqp://" + userInfo + "@127.0.0.1:" + port + path + "\nPREFETCH=10\n";
        return new Case(Detected.credential(".env", text, "uri-amqp"), context(Duration.ofSeconds(5)));
    }

    @Override
    protected Verifier verifier() {
        return new AmqpVerifier();
    }

    @Override
    protected Case live() {
        return url(USER + ":" + PASSWORD, broker.port(), "/orders");
    }

    @Override
    protected Case dead() {
        return url(USER + ":" + RANDOM.base62(20), broker.port(), "/orders");
    }

    @Override
    protected Case timeout() {
        String text = "RABBITMQ_URL=amqp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + silent.getLocalPort() + "/orders\n";
        return new Case(Detected.credential(".env", text, "uri-amqp"), context(Duration.ofSeconds(1)));
    }

    @Override
    protected Case unexpected() {
        return url(USER + ":" + PASSWORD, garbage.getLocalPort(), "/orders");
    }

    @Override
    protected Case notFound() {
        String text = "RABBITMQ_URL=amqp://" + USER + ":" + PASSWORD + "@${RABBIT_HOST}:5672/orders\n";
        return new Case(Detected.credential(".env", text, "uri-amqp"), context(Duration.ofSeconds(5)));
    }

    @Test
    void shouldSayLiveBeforeThePasswordChangesAndDeadAfter() throws Exception {
        String user = "billing";
        String password = RANDOM.base62(20);
        broker.createUser(user, password);
        Case old = url(user + ":" + password, broker.port(), "/orders");
        assertThat(check(old)).isEqualTo(Verification.live("AMQP user billing at 127.0.0.1:" + broker.port() + " logs in to virtual host orders"));
        broker.setPassword(user, RANDOM.base62(20));
        assertThat(check(old)).isEqualTo(Verification.dead("AMQP user billing at 127.0.0.1:" + broker.port() + " was refused at login"));
    }

    @Test
    void shouldUseTheDefaultVirtualHostWhenTheUrlNamesNone() throws Exception {
        assertThat(check(url(USER + ":" + PASSWORD, broker.port(), "")).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSayLiveWhenTheLoginWorksButTheVirtualHostDoesNot() throws Exception {
        Verification v = check(url(USER + ":" + PASSWORD, broker.port(), "/no-such-vhost"));
        assertThat(v).isEqualTo(Verification.live("AMQP user orders at 127.0.0.1:" + broker.port()
                + " logs in, but may not open virtual host no-such-vhost"));
    }

    @Test
    void shouldDecodeAPercentEncodedPassword() throws Exception {
        String password = RANDOM.base62(10) + "@#" + RANDOM.base62(10);
        broker.createUser("shipping", password);
        String encoded = password.replace("@", "%40").replace("#", "%23");
        assertThat(check(url("shipping:" + encoded, broker.port(), "/orders")).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSayUnknownOnceTheBrokerIsStopped() throws Exception {
        Case c;
        try (QpidBroker second = QpidBroker.start(StandIns.freePort(), USER, PASSWORD)) {
            c = url(USER + ":" + PASSWORD, second.port(), "/orders");
            assertThat(check(c).status()).isEqualTo(Verification.Status.LIVE);
        }
        assertThat(check(c)).isEqualTo(Verification.unknown("could not connect"));
    }

    @Test
    void shouldNameWhatWentWrong() throws Exception {
        assertThat(check(timeout()).detail()).isEqualTo("timed out");
        assertThat(check(unexpected()).detail()).isEqualTo("unexpected answer: the server does not speak AMQP 0-9-1");
        assertThat(check(notFound()).detail()).isEqualTo("no AMQP URL or broker settings with a host next to the password");
    }

    @Test
    void shouldTellWhereItConnectsWithoutThePassword() throws Exception {
        check(live());
        assertThat(connections).containsExactly(URI.create("amqp://127.0.0.1:" + broker.port()));
    }

    @Test
    void shouldNotConnectToADocumentationHost() throws Exception {
        String text = "RABBITMQ_URL=amqps://" + USER + ":" + PASSWORD + "@mq.example.net/orders\n";
        Case c = new Case(Detected.credential(".env", text, "uri-amqp"), context(Duration.ofSeconds(5)));
        assertThat(check(c)).isEqualTo(Verification.unknown("placeholder host mq.example.net (reserved for documentation)"));
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldScopeByBrokerVirtualHostAndUser() {
        AmqpVerifier verifier = new AmqpVerifier();
        assertThat(verifier.scope(url(USER + ":" + PASSWORD, 5672, "/a").credential()))
                .isNotEqualTo(verifier.scope(url(USER + ":" + PASSWORD, 5672, "/b").credential()))
                .doesNotContain(PASSWORD);
    }

    @Test
    void shouldClaimAGenericPasswordWrittenAsSpringRabbitSettings() throws Exception {
        String text = "spring.rabbitmq.host=127.0.0.1\nspring.rabbitmq.port=" + broker.port() + "\nspring.rabbitmq.username=" + USER
                + "\nspring.rabbitmq.password=" + PASSWORD + "\nspring.rabbitmq.virtual-host=orders\n";
        Case c = new Case(Detected.credential("application.properties", text, "generic-password-unquoted"), context(Duration.ofSeconds(5)));
        assertThat(c.credential().issuer()).isEqualTo("generic");
        assertThat(check(c)).isEqualTo(Verification.live("AMQP user orders at 127.0.0.1:" + broker.port() + " logs in to virtual host orders"));
    }

    @Test
    void shouldLeaveABrokersOwnDefaultPasswordAlone() {
        String text = "RABBITMQ_DEFAULT_USER=" + USER + "\nRABBITMQ_DEFAULT_PASS=" + PASSWORD + "\n";
        assertThat(new AmqpVerifier().claims(Detected.credential("broker.env", text, "generic-password-unquoted"))).isFalse();
    }
}
