package dev.secretsprawl.verify;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fence around verifier HTTP, against two real servers on 127.0.0.1: the issuer's and another one. */
class HttpTest {
    private HttpServer issuer;
    private HttpServer other;
    private final List<String> issuerRequests = new CopyOnWriteArrayList<>();
    private final List<String> otherRequests = new CopyOnWriteArrayList<>();
    private final List<URI> announced = new CopyOnWriteArrayList<>();
    private VerifyContext context;

    @BeforeEach
    void startServers() throws IOException {
        other = server(otherRequests, 200, null);
        issuer = server(issuerRequests, 302, base(other) + "/collect");
        context = new VerifyContext(Endpoints.with(Map.of("acme", URI.create(base(issuer)))), Duration.ofSeconds(5),
                announced::add);
    }

    @AfterEach
    void stopServers() {
        issuer.stop(0);
        other.stop(0);
    }

    private static HttpServer server(List<String> requests, int status, String location) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " UA=" + exchange.getRequestHeaders().getFirst("User-Agent"));
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void shouldSendToTheIssuersEndpointWithOurUserAgent() throws Exception {
        Http.Response r = context.http("acme").get(URI.create(base(issuer) + "/user"), Map.of());
        assertThat(r.status()).isEqualTo(302);
        assertThat(issuerRequests).containsExactly("/user UA=" + Http.USER_AGENT);
        assertThat(announced).containsExactly(URI.create(base(issuer) + "/user"));
    }

    @Test
    void shouldNeverFollowARedirectToAnotherHost() throws Exception {
        Http.Response r = context.http("acme").get(URI.create(base(issuer) + "/user"), Map.of("Authorization", "Bearer x"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).contains(base(other) + "/collect");
        assertThat(otherRequests).isEmpty();
    }

    @Test
    void shouldRefuseAnyOtherHostBeforeSendingAnything() {
        assertThatThrownBy(() -> context.http("acme").get(URI.create(base(other) + "/collect"), Map.of()))
                .isInstanceOf(Http.ForbiddenHostException.class).hasMessageContaining(base(issuer).replace("http://", ""));
        assertThat(otherRequests).isEmpty();
        assertThat(announced).isEmpty();
    }

    @Test
    void shouldLetACredentialsOwnHostBeReachedOnlyThroughHttpTo() throws Exception {
        Http toOther = context.httpTo(URI.create(base(other) + "/whoAmI/api/json"));
        assertThat(toOther.get(URI.create(base(other) + "/whoAmI/api/json"), Map.of()).status()).isEqualTo(200);
        assertThatThrownBy(() -> toOther.get(URI.create(base(issuer) + "/user"), Map.of()))
                .isInstanceOf(Http.ForbiddenHostException.class);
        assertThat(issuerRequests).isEmpty();
    }

    @Test
    void shouldTellSchemesAndDefaultPortsApart() {
        assertThat(Http.origin(URI.create("https://API.github.com/user"))).isEqualTo("https://api.github.com:443");
        assertThat(Http.origin(URI.create("http://api.github.com/user"))).isEqualTo("http://api.github.com:80");
        assertThat(Http.origin(URI.create("https://api.github.com:8443/"))).isEqualTo("https://api.github.com:8443");
    }
}
