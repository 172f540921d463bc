package dev.secretsprawl.verify.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class JenkinsVerifierTest extends ApiVerifierTest {
    private static final String WHO_AM_I = "/whoAmI/api/json";

    private final String token = synthetic.next("jenkins-api-token");

    @Override
    String issuerName() {
        return "jenkins";
    }

    @Override
    protected Verifier verifier() {
        return new JenkinsVerifier();
    }

    /** Jenkins' whoAmI answer for this user. */
    private static String whoAmI(String name, boolean anonymous) {
        return """
                {"_class": "hudson.security.WhoAmI", "anonymous": %s, "authenticated": true,
                 "authorities": ["authenticated"], "details": null, "name": "%s", "toString": "..."}""".formatted(anonymous, name);
    }

    private Credential settings() {
        return Detected.credential("jenkins.env", "JENKINS_URL=" + issuer.baseUrl() + "/\nJENKINS_USER=deploy\nJENKINS_API_TOKEN="
                + token + "\n", "jenkins-api-token");
    }

    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    private void answer(String path, String user, ResponseDefinitionBuilder response) {
        issuer.stubFor(get(urlEqualTo(path)).withHeader("Authorization", equalTo(basic(user))).willReturn(response));
    }

    @Override
    protected Case live() {
        answer(WHO_AM_I, "deploy", okJson(whoAmI("deploy", false)));
        return patient(settings());
    }

    /** Jenkins' own 401 for a wrong user/token pair: it advertises itself with X-Jenkins on its responses. */
    private static ResponseDefinitionBuilder jenkinsRejects(String user) {
        return aResponse().withStatus(401).withHeader("X-Jenkins", "2.479.1").withHeader("X-Hudson", "1.395")
                .withHeader("WWW-Authenticate", "Basic realm=\"Jenkins\"")
                .withBody("<html><body>Invalid password/token for user: " + user + "</body></html>");
    }

    @Override
    protected Case dead() {
        answer(WHO_AM_I, "deploy", jenkinsRejects("deploy"));
        return patient(settings());
    }

    @Override
    protected Case timeout() {
        answer(WHO_AM_I, "deploy", okJson(whoAmI("deploy", false)).withFixedDelay(SLOW_MILLIS));
        return impatient(settings());
    }

    @Override
    protected Case unexpected() {
        answer(WHO_AM_I, "deploy", aResponse().withStatus(200).withBody("<html>Welcome to nginx!</html>"));
        return patient(settings());
    }

    @Override
    protected Case notFound() {
        return patient(Detected.credential("jenkins.env", "JENKINS_USER=deploy\nJENKINS_API_TOKEN=" + token + "\n", "jenkins-api-token"));
    }

    @Test
    void shouldNameTheUserAndHostAndSendBasicAuthWithOurUserAgent() throws Exception {
        assertThat(check(live())).isEqualTo(Verification.live("authenticated as deploy at localhost"));
        issuer.verify(getRequestedFor(urlEqualTo(WHO_AM_I)).withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @Test
    void shouldAskTheJenkinsOfACliCommandUnderItsContextPath() throws Exception {
        answer("/ci/whoAmI/api/json", "release", okJson(whoAmI("release", false)));
        Credential cli = Detected.credential("release.sh", "java -jar jenkins-cli.jar -s " + issuer.baseUrl()
                + "/ci/ -auth release:" + token + " build app\n", "jenkins-cli-auth-token");

        assertThat(verify(cli)).isEqualTo(Verification.live("authenticated as release at localhost"));
    }

    @Test
    void shouldSayUnknownForA401WithoutJenkinsHeaderAsAnSsoProxyMayHaveSentIt() throws Exception {
        answer(WHO_AM_I, "deploy", aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer realm=\"sso\""));

        Verification v = verify(settings());

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("X-Jenkins");
    }

    @Test
    void shouldSayUnknownWhenJenkinsRejectsTheTokenWithAGuessedUser() throws Exception {
        answer(WHO_AM_I, "deploy", jenkinsRejects("deploy"));
        Credential guessed = Detected.credential("jenkins.env", "JENKINS_URL=" + issuer.baseUrl() + "/\nJENKINS_LOGIN=deploy\n"
                + "JENKINS_API_TOKEN=" + token + "\n", "jenkins-api-token");

        Verification v = verify(guessed);

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("user deploy").contains("guessed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jenkins-api-token|JENKINS_URL=%1$s/\nJENKINS_USERNAME=deploy\nJENKINS_API_TOKEN=%2$s\n",
            "jenkins-api-token|jenkins-jobs --url %1$s/ --username deploy update jobs/\nJENKINS_API_TOKEN=%2$s\n",
            "jenkins-cli-auth-token|java -jar jenkins-cli.jar -s %1$s/ -auth deploy:%2$s who-am-i\n"})
    void shouldSayDeadWhenJenkinsRejectsTheTokenOfTheUserWrittenWithIt(String ruleAndForm) throws Exception {
        answer(WHO_AM_I, "deploy", jenkinsRejects("deploy"));
        String[] parts = ruleAndForm.split("\\|", 2);

        Verification v = verify(Detected.credential("deploy.sh", parts[1].formatted(issuer.baseUrl(), token), parts[0]));

        assertThat(v.status()).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldSayUnknownWhenJenkinsAnswersAsAnonymous() throws Exception {
        answer(WHO_AM_I, "deploy", okJson(whoAmI("anonymous", true)));

        assertThat(verify(settings()).status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldSayUnknownWithoutAUserNextToTheToken() throws Exception {
        Credential noUser = Detected.credential("jenkins.env", "JENKINS_URL=" + issuer.baseUrl() + "/\nJENKINS_API_TOKEN=" + token + "\n",
                "jenkins-api-token");

        assertThat(verify(noUser)).isEqualTo(Verification.unknown("no Jenkins user next to the token"));
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldNotCheckSecretsEncryptedAtRest() throws Exception {
        String encrypted = "AQAAABAAAAAQ" + synthetic.base62(40) + "=";

        Verification v = verify(Detected.credential("config.xml", "<url>" + issuer.baseUrl() + "</url>\n<password>{" + encrypted
                + "}</password>\n", "jenkins-encrypted-secret"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }
}
