package dev.secretsprawl.verify.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real HTTP server on 127.0.0.1 that checks Basic credentials the way web servers do. */
class BasicAuthUrlVerifierTest extends VerifierContractTest {
    private static final SyntheticCredentials RANDOM = new SyntheticCredentials(104);
    private static final String USER = "deployer";
    private static volatile String password = RANDOM.base62(20);
    private static final List<String> requested = new CopyOnWriteArrayList<>();
    private static HttpServer server;
    private static ServerSocket silent;
    private final List<URI> connections = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", e -> answer(e, 404, Map.of()));
        server.createContext("/private", e -> answer(e, loggedIn(e) ? 200 : 401, basicChallenge()));
        server.createContext("/repo.git/info/refs", e -> answer(e, loggedIn(e) ? 200 : 401, basicChallenge()));
        server.createContext("/public", e -> answer(e, 200, Map.of()));
        server.createContext("/broken", e -> answer(e, 500, Map.of()));
        server.createContext("/token-only", e -> answer(e, 401, Map.of("WWW-Authenticate", "Bearer realm=\"api\"")));
        server.createContext("/admin", e -> answer(e, 403, Map.of()));
        server.start();
        silent = StandIns.silent();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.stop(0);
        silent.close();
    }

    @BeforeEach
    void forget() {
        requested.clear();
    }

    private static Map<String, String> basicChallenge() {
        return Map.of("WWW-Authenticate", "Basic realm=\"releases\"");
    }

    private static boolean loggedIn(HttpExchange e) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        return expected.equals(e.getRequestHeaders().getFirst("Authorization"));
    }

    private static void answer(HttpExchange e, int status, Map<String, String> headers) throws IOException {
        requested.add(e.getRequestURI().toString());
        headers.forEach((k, v) -> e.getResponseHeaders().add(k, v));
        byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
        e.sendResponseHeaders(status, body.length);
        e.getResponseBody().write(body);
        e.close();
    }

    private VerifyContext context(Duration timeout) {
        return new VerifyContext(Endpoints.with(Map.of()), timeout, connections::add);
    }

    private Case url(String userInfo, int port, String path) {
        String text = "# search\nES_URL=http://" + userInfo + "@127.0.0.1:" + port + path + "\nES_INDEX=logs\n";
        return new Case(Detected.credential("app.env", text, "http-basic-auth-url"), context(Duration.ofSeconds(5)));
    }

    private Case page(String path) {
        return url(USER + ":" + password, server.getAddress().getPort(), path);
    }

    @Override
    protected Verifier verifier() {
        return new BasicAuthUrlVerifier();
    }

    @Override
    protected Case live() {
        return page("/private/releases");
    }

    @Override
    protected Case dead() {
        return url(USER + ":" + RANDOM.base62(20), server.getAddress().getPort(), "/private/releases");
    }

    @Override
    protected Case timeout() {
        String text = "ES_URL=http://" + USER + ":" + password + "@127.0.0.1:" + silent.getLocalPort() + "/private\n";
        return new Case(Detected.credential("app.env", text, "http-basic-auth-url"), context(Duration.ofSeconds(1)));
    }

    @Override
    protected Case unexpected() {
        return page("/broken");
    }

    @Override
    protected Case notFound() {
        return page("/missing");
    }

    @Test
    void shouldSayDeadOnceThePasswordChanges() throws Exception {
        Case old = page("/private");
        assertThat(check(old).status()).isEqualTo(Verification.Status.LIVE);
        String before = password;
        password = RANDOM.base62(20);
        try {
            assertThat(check(old)).isEqualTo(Verification.dead("user deployer at http://127.0.0.1:"
                    + server.getAddress().getPort() + " was refused (HTTP 401)"));
        } finally {
            password = before;
        }
    }

    @Test
    void shouldSayUnknownForAPageThatAnswersWithoutAPassword() throws Exception {
        assertThat(check(page("/public")).detail()).isEqualTo("the page answers without a password too (HTTP 200), so it does not tell");
    }

    @Test
    void shouldSayUnknownForA401ThatAsksForAnotherKindOfLogin() throws Exception {
        assertThat(check(page("/token-only")).status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldSayUnknownForAForbiddenPage() throws Exception {
        assertThat(check(page("/admin")).detail()).startsWith("forbidden (HTTP 403)");
    }

    @Test
    void shouldNameWhatWentWrong() throws Exception {
        assertThat(check(unexpected()).detail()).isEqualTo("server error (HTTP 500)");
        assertThat(check(notFound()).detail()).isEqualTo("page not found (HTTP 404)");
        assertThat(check(timeout()).detail()).isEqualTo("timed out");
    }

    @Test
    void shouldNeverPutTheCredentialsInTheRequestedUrl() throws Exception {
        check(live());
        assertThat(requested).containsExactly("/private/releases", "/private/releases");
        int port = server.getAddress().getPort();
        assertThat(connections).containsOnly(URI.create("http://127.0.0.1:" + port + "/private/releases"));
    }

    @Test
    void shouldCheckTheUrlOfACurlCommand() throws Exception {
        String text = "curl -sS -u " + USER + ":" + password + " -T app.war http://127.0.0.1:" + server.getAddress().getPort() + "/private/app.war\n";
        Case c = new Case(Detected.credential("deploy.sh", text, "curl-user-password"), context(Duration.ofSeconds(5)));
        assertThat(check(c).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSendACurlPasswordOnlyToThePageFetchedNotToItsProxyOrReferer() throws Exception {
        int page = server.getAddress().getPort();
        String elsewhere = "http://127.0.0.2:" + page;
        String text = "curl -x " + elsewhere + " -H 'Referer: " + elsewhere + "/from' -u " + USER + ":" + password
                + " http://127.0.0.1:" + page + "/private/app.war\n";
        Case c = new Case(Detected.credential("deploy.sh", text, "curl-user-password"), context(Duration.ofSeconds(5)));
        assertThat(check(c).status()).isEqualTo(Verification.Status.LIVE);
        assertThat(connections).containsOnly(URI.create("http://127.0.0.1:" + page + "/private/app.war"));
    }

    @Test
    void shouldNotGuessWhichOfTwoFetchedPagesAPasswordIsFor() throws Exception {
        int page = server.getAddress().getPort();
        String text = "curl -u " + USER + ":" + password + " http://127.0.0.1:" + page + "/private/a http://127.0.0.2:" + page
                + "/b\n";
        Case c = new Case(Detected.credential("deploy.sh", text, "curl-user-password"), context(Duration.ofSeconds(5)));
        assertThat(check(c).status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldAskAGitRepositoryForItsRefs() throws Exception {
        assertThat(check(page("/repo.git")).status()).isEqualTo(Verification.Status.LIVE);
        assertThat(requested).first().isEqualTo("/repo.git/info/refs?service=git-upload-pack");
    }

    @Test
    void shouldDecodeAPercentEncodedPassword() throws Exception {
        String before = password;
        password = RANDOM.base62(10) + "@#" + RANDOM.base62(10);
        try {
            Case c = url(USER + ":" + password.replace("@", "%40").replace("#", "%23"), server.getAddress().getPort(), "/private");
            assertThat(check(c).status()).isEqualTo(Verification.Status.LIVE);
        } finally {
            password = before;
        }
    }

    @Test
    void shouldNotRequestADocumentationHost() throws Exception {
        String text = "ES_URL=https://" + USER + ":" + password + "@search.example.org/private\n";
        Case c = new Case(Detected.credential("app.env", text, "http-basic-auth-url"), context(Duration.ofSeconds(5)));
        assertThat(check(c)).isEqualTo(Verification.unknown("placeholder host search.example.org (reserved for documentation)"));
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldScopeByPageAndUser() {
        BasicAuthUrlVerifier verifier = new BasicAuthUrlVerifier();
        assertThat(verifier.scope(page("/private").credential())).isNotEqualTo(verifier.scope(page("/public").credential()))
                .doesNotContain(password);
    }
}
