package dev.secretsprawl.verify.vendors;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class AwsVerifierTest extends VendorWireMockTest {
    private static final String CALLER = """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::123456789012:user/ci-deployer</Arn>
                <UserId>%s</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata>
                <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
              </ResponseMetadata>
            </GetCallerIdentityResponse>""";
    private static final String ERROR = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error>
                <Type>Sender</Type>
                <Code>%s</Code>
                <Message>%s</Message>
              </Error>
              <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
            </ErrorResponse>""";

    @Override
    protected Verifier verifier() {
        return new AwsVerifier();
    }

    @Override
    protected String issuer() {
        return "aws";
    }

    private String keyId() {
        return synthetic.next("aws-key-id");
    }

    private String temporaryKeyId() {
        return "ASIA" + synthetic.next("aws-key-id").substring(4);
    }

    /** ~/.aws/credentials as the CLI writes it. */
    private Credential credentialsFile(String keyId, String ruleId) {
        return Detected.credential("home/ci/.aws/credentials", "[default]\naws_access_key_id = " + keyId
                + "\naws_secret_access_key = " + synthetic.next("aws-secret") + "\nregion = eu-west-1\n", ruleId);
    }

    private String lastKeyId;

    /** A secret key finding in a credentials file; its key id is {@link #lastKeyId}. */
    private Credential secretKey() {
        lastKeyId = keyId();
        return credentialsFile(lastKeyId, "aws-secret-access-key");
    }

    /** The GetCallerIdentity POST of this key id, signed as SigV4 for STS in us-east-1. */
    private static MappingBuilder callerIdentity(String keyId) {
        return post(urlPathEqualTo("/"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=" + keyId
                        + "/\\d{8}/us-east-1/sts/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}"))
                .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo(AwsVerifier.BODY));
    }

    private void answer(String keyId, int status, String body) {
        wm.stubFor(callerIdentity(keyId).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body)));
    }

    private String caller() {
        return CALLER.formatted("AIDA" + synthetic.next("aws-key-id").substring(4));
    }

    @Override
    protected Case live() {
        Credential c = secretKey();
        answer(lastKeyId, 200, caller());
        return at(c);
    }

    @Override
    protected Case dead() {
        Credential c = secretKey();
        answer(lastKeyId, 403, ERROR.formatted("InvalidClientTokenId", "The security token included in the request is invalid."));
        return at(c);
    }

    @Override
    protected Case timeout() {
        Credential c = secretKey();
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(caller()).withFixedDelay(SLOW_MILLIS)));
        return new Case(c, impatientContext());
    }

    @Override
    protected Case unexpected() {
        Credential c = secretKey();
        answer(lastKeyId, 500, "<html><body>Internal Server Error</body></html>");
        return at(c);
    }

    @Override
    protected Case notFound() {
        return at(Detected.credential("ci/env.sh", "export AWS_ACCESS_KEY_ID=" + keyId() + "\n", "aws-access-key-id"));
    }

    @Test
    void shouldSignGetCallerIdentityWithSigV4AndNameTheCaller() throws Exception {
        Case c = live();

        Verification v = check(c);

        assertThat(v).isEqualTo(Verification.live("arn:aws:iam::123456789012:user/ci-deployer (account 123456789012)"));
        wm.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("User-Agent", equalTo(Http.USER_AGENT))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=" + lastKeyId + "/.*"))
                .withRequestBody(equalTo("Action=GetCallerIdentity&Version=2011-06-15")));
    }

    @Test
    void shouldSendARequestWhoseSignatureHoldsForWhatArrived() throws Exception {
        String secret = synthetic.next("aws-secret");
        lastKeyId = keyId();
        Credential c = Detected.credential("home/ci/.aws/credentials", "[default]\naws_access_key_id = " + lastKeyId
                + "\naws_secret_access_key = " + secret + "\n", "aws-secret-access-key");
        answer(lastKeyId, 200, caller());

        check(at(c));

        LoggedRequest arrived = wm.getAllServeEvents().get(0).getRequest();
        assertThat(arrived.getHeader("Authorization")).isEqualTo(SigV4Resign.authorization(arrived, lastKeyId, secret));
    }

    @Test
    void shouldNotCallStsForAKeyIdAlone() throws Exception {
        Verification v = check(notFound());

        assertThat(v.detail()).isEqualTo("no secret key next to the key id");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldCheckTheKeyIdFindingWithTheSecretNextToIt() throws Exception {
        String keyId = keyId();
        Credential c = credentialsFile(keyId, "aws-access-key-id");
        answer(keyId, 200, caller());

        assertThat(check(at(c)).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSendTheSessionTokenOfATemporaryKey() throws Exception {
        String token = "FwoGZXIvYXdzE" + synthetic.base62(300);
        String keyId = temporaryKeyId();
        Credential c = Detected.credential("home/ci/.aws/credentials", "[temp]\naws_access_key_id = " + keyId
                + "\naws_secret_access_key = " + synthetic.next("aws-secret") + "\naws_session_token = " + token + "\n",
                "aws-secret-access-key");
        wm.stubFor(callerIdentity(keyId).withHeader("X-Amz-Security-Token", equalTo(token))
                .willReturn(aResponse().withStatus(200).withBody(caller())));

        assertThat(check(at(c)).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldNotCallATemporaryKeyDeadWhenStsRejectsItsSessionToken() throws Exception {
        String token = "FwoGZXIvYXdzE" + synthetic.base62(300);
        String keyId = temporaryKeyId();
        Credential c = Detected.credential("home/ci/.aws/credentials", "[temp]\naws_access_key_id = " + keyId
                + "\naws_secret_access_key = " + synthetic.next("aws-secret") + "\naws_session_token = " + token + "\n",
                "aws-temporary-access-key-id");
        answer(keyId, 403, ERROR.formatted("InvalidClientTokenId", "The security token included in the request is invalid."));

        Verification v = check(at(c));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("temporary key id");
    }

    @Test
    void shouldCheckASessionTokenFindingWithTheKeyPairNextToIt() throws Exception {
        String token = "FwoGZXIvYXdzE" + synthetic.base62(300);
        String keyId = temporaryKeyId();
        Credential c = Detected.credential("sts-output.json", "{\"Credentials\": {\"AccessKeyId\": \"" + keyId
                + "\", \"SecretAccessKey\": \"" + synthetic.next("aws-secret") + "\", \"SessionToken\": \"" + token + "\"}}\n",
                "aws-session-token");
        wm.stubFor(callerIdentity(keyId).withHeader("X-Amz-Security-Token", equalTo(token))
                .willReturn(aResponse().withStatus(200).withBody(caller())));

        assertThat(check(at(c)).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldNotCallStsForABearerTokenId() throws Exception {
        Credential c = Detected.credential("terraform.tfvars", "aws_access_key_id = \"ABIA" + keyId().substring(4)
                + "\"\naws_secret_access_key = \"" + synthetic.next("aws-secret") + "\"\n", "aws-access-key-id");

        assertThat(check(at(c)).detail()).startsWith("only access keys (AKIA, ASIA)");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldNotCallStsForATemporaryKeyWithoutItsSessionToken() throws Exception {
        Credential c = credentialsFile(temporaryKeyId(), "aws-secret-access-key");

        Verification v = check(at(c));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("session token");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldSayDeadForAWrongSecretOrAnExpiredToken() throws Exception {
        for (String code : new String[] {"SignatureDoesNotMatch", "ExpiredToken"}) {
            wm.resetAll();
            Credential c = secretKey();
            answer(lastKeyId, code.equals("ExpiredToken") ? 400 : 403, ERROR.formatted(code, "rejected"));

            assertThat(check(at(c)).status()).as(code).isEqualTo(Verification.Status.DEAD);
        }
    }

    @Test
    void shouldSayUnknownForAWrongSecretWhenAnotherKeyIdIsNearby() throws Exception {
        String keyId = keyId();
        Credential c = Detected.credential("ci/env.sh", "export PROD_KEY_ID=" + keyId() + "\nexport AWS_ACCESS_KEY_ID=" + keyId
                + "\nexport AWS_SECRET_ACCESS_KEY=" + synthetic.next("aws-secret") + "\n", "aws-secret-access-key");
        answer(keyId, 403, ERROR.formatted("SignatureDoesNotMatch", "The request signature we calculated does not match"));

        assertThat(check(at(c)).status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldSayUnknownWhenAKeyIdFindingsNeighbourSecretDoesNotSignForIt() throws Exception {
        String keyId = keyId();
        Credential c = credentialsFile(keyId, "aws-access-key-id");
        answer(keyId, 403, ERROR.formatted("SignatureDoesNotMatch", "The request signature we calculated does not match"));

        assertThat(check(at(c))).isEqualTo(Verification.unknown(
                "AWS knows the access key id; the secret key written next to it does not sign for it (it may be another key's)"));
    }

    @Test
    void shouldSayDeadWhenAwsDoesNotKnowAKeyIdFinding() throws Exception {
        String keyId = keyId();
        Credential c = credentialsFile(keyId, "aws-access-key-id");
        answer(keyId, 403, ERROR.formatted("InvalidClientTokenId", "The security token included in the request is invalid."));

        assertThat(check(at(c)).status()).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldSayUnknownWhenAwsDoesNotKnowTheNearestOfSeveralKeyIdsNextToASecret() throws Exception {
        String keyId = keyId();
        Credential c = Detected.credential("ci/env.sh", "export PROD_KEY_ID=" + keyId() + "\nexport AWS_ACCESS_KEY_ID=" + keyId
                + "\nexport AWS_SECRET_ACCESS_KEY=" + synthetic.next("aws-secret") + "\n", "aws-secret-access-key");
        answer(keyId, 403, ERROR.formatted("InvalidClientTokenId", "The security token included in the request is invalid."));

        Verification v = check(at(c));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("2 key ids are written nearby");
    }

    @Test
    void shouldCheckTheSameSecretSeparatelyNextToAnotherKeyId() {
        String secret = synthetic.next("aws-secret");
        AwsVerifier verifier = new AwsVerifier();
        Credential one = Detected.credential("a.env", "AWS_ACCESS_KEY_ID=" + keyId() + "\nAWS_SECRET_ACCESS_KEY=" + secret + "\n",
                "aws-secret-access-key");
        Credential other = Detected.credential("b.env", "AWS_ACCESS_KEY_ID=" + keyId() + "\nAWS_SECRET_ACCESS_KEY=" + secret + "\n",
                "aws-secret-access-key");

        assertThat(verifier.scope(one)).isNotEqualTo(verifier.scope(other));
    }

    @Test
    void shouldSayUnknownWhenThrottled() throws Exception {
        Credential c = secretKey();
        answer(lastKeyId, 400, ERROR.formatted("Throttling", "Rate exceeded"));

        assertThat(check(at(c)).detail()).contains("Throttling");
    }

    @Test
    void shouldSignForTheRegionOfARegionalEndpoint() {
        assertThat(AwsVerifier.region(URI.create("https://sts.eu-west-1.amazonaws.com"))).isEqualTo("eu-west-1");
        assertThat(AwsVerifier.region(URI.create("https://sts.amazonaws.com"))).isEqualTo("us-east-1");
        assertThat(AwsVerifier.region(URI.create("http://localhost:8080"))).isEqualTo("us-east-1");
    }
}
