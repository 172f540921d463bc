package dev.secretsprawl.migrate.rotate.broker;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.VerifyContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.assertNoSecretIn;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.context;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.credential;
import static dev.secretsprawl.migrate.rotate.RotationFixtures.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RabbitMQ's management API as its documentation describes it ({@code GET} and {@code PUT /api/users/NAME}),
 * answered by WireMock: no RabbitMQ server can run here.
 */
class RabbitMqManagementTest {
    private static final String ADMIN_PASSWORD = password();
    private final List<URI> connections = new CopyOnWriteArrayList<>();
    private final VerifyContext context = context(connections);
    private final AmqpRotator rotator = new AmqpRotator();
    private WireMockServer rabbit;

    @BeforeEach
    void start() {
        rabbit = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        rabbit.start();
    }

    @AfterEach
    void stop() {
        rabbit.stop();
    }

    private AdminAccess admin(String scheme) {
        return new AdminAccess(Map.of("amqp", URI.create(scheme + "://ops@127.0.0.1:" + rabbit.port())),
                Map.of("SPRAWL_ADMIN_AMQP_PASSWORD", ADMIN_PASSWORD));
    }

    private static Credential url(String user, String password) {
        return credential(".env", "CELERY_BROKER_URL=amqp://" + user + ":" + password + "@127.0.0.1:5672/orders\n", password);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("ops:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPutTheNewPasswordWithTheUsersTagsKept() throws Exception {
        rabbit.stubFor(get("/api/users/orders").willReturn(okJson("{\"name\":\"orders\",\"tags\":[\"management\",\"monitoring\"]}")));
        rabbit.stubFor(put("/api/users/orders").willReturn(aResponse().withStatus(204)));
        String legacy = password();
        Credential old = url("orders", legacy);
        Optional<Secret> proposed = rotator.propose(old);

        Secret rotated = rotator.rotate(old, proposed, admin("rabbitmq+http"), context);
        rotator.rotate(old, proposed, admin("rabbitmq+http"), context);

        assertThat(rotated).isEqualTo(proposed.orElseThrow());
        rabbit.verify(2, putRequestedFor(urlEqualTo("/api/users/orders"))
                .withHeader("Authorization", equalTo(basic()))
                .withRequestBody(equalToJson("{\"password\":\"" + rotated.reveal() + "\",\"tags\":\"management,monitoring\"}")));
        assertThat(connections).contains(URI.create("http://127.0.0.1:" + rabbit.port() + "/api/users/orders"));
    }

    @Test
    void shouldTakePlainHttpForRabbitMqAndReadTagsWrittenAsAString() throws Exception {
        rabbit.stubFor(get("/api/users/orders").willReturn(okJson("{\"name\":\"orders\",\"tags\":\"administrator\"}")));
        rabbit.stubFor(put("/api/users/orders").willReturn(aResponse().withStatus(204)));
        Credential old = url("orders", password());

        Secret rotated = rotator.rotate(old, rotator.propose(old), admin("http"), context);

        rabbit.verify(putRequestedFor(urlEqualTo("/api/users/orders"))
                .withRequestBody(equalToJson("{\"password\":\"" + rotated.reveal() + "\",\"tags\":\"administrator\"}")));
    }

    @Test
    void shouldNeverPutAUserThatDoesNotExist() {
        rabbit.stubFor(get("/api/users/orders").willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}")));
        Credential old = url("orders", password());

        assertThatThrownBy(() -> rotator.rotate(old, rotator.propose(old), admin("rabbitmq+http"), context))
                .isInstanceOf(IOException.class)
                .hasMessage("there is no user orders at the RabbitMQ broker http://127.0.0.1:" + rabbit.port());
        rabbit.verify(0, putRequestedFor(urlEqualTo("/api/users/orders")));
    }

    @Test
    void shouldSayTheAdminLoginWasRejectedWithoutShowingAnyPassword() {
        rabbit.stubFor(get("/api/users/orders").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"not_authorized\",\"reason\":\"Login failed\"}")));
        String legacy = password();
        Credential old = url("orders", legacy);
        Optional<Secret> proposed = rotator.propose(old);

        assertThatThrownBy(() -> rotator.rotate(old, proposed, admin("rabbitmq+http"), context))
                .isInstanceOf(IOException.class)
                .hasMessage("the admin login for amqp at http://127.0.0.1:" + rabbit.port()
                        + " was rejected: check the user in --admin and SPRAWL_ADMIN_AMQP_PASSWORD")
                .satisfies(e -> assertNoSecretIn(e.toString(), legacy, ADMIN_PASSWORD, proposed.orElseThrow().reveal()));
    }

    @Test
    void shouldSayWhenTheManagementApiCannotBeReached() throws Exception {
        int port = rabbit.port();
        AdminAccess admin = admin("rabbitmq+http");
        rabbit.stop();
        Credential old = url("orders", password());

        assertThatThrownBy(() -> rotator.rotate(old, rotator.propose(old), admin, context))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("could not reach the RabbitMQ management API at http://127.0.0.1:" + port);
    }
}
