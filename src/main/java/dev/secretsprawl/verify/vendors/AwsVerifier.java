package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.IssuerAnswers;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS access key pairs, by asking STS who they are ({@code GetCallerIdentity}, which needs no permission).
 * The request is signed with the AWS SDK's SigV4 signer and sent through our fenced HTTP, so the pair only
 * ever reaches the configured STS endpoint.
 */
public final class AwsVerifier implements Verifier {
    static final String ISSUER = "aws";
    static final String BODY = "Action=GetCallerIdentity&Version=2011-06-15";
    private static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern REGIONAL_HOST = Pattern.compile("(?i)^sts\\.([a-z]{2}(?:-[a-z]+)+-\\d)\\.amazonaws\\.com(?:\\.cn)?$");
    /** Headers java.net.http sets itself and refuses from callers; it writes the same values the signer signed. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public String scope(Credential credential) {
        try {
            AwsKeyParts parts = AwsKeyParts.of(credential);
            return parts.keyId() + "\n" + parts.secretKey() + "\n" + (parts.sessionToken() == null ? "" : parts.sessionToken())
                    + "\n" + parts.found() + "\n" + parts.keyIdsNearby();
        } catch (AwsKeyParts.MissingPart e) {
            return "";
        }
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        AwsKeyParts parts;
        try {
            parts = AwsKeyParts.of(credential);
        } catch (AwsKeyParts.MissingPart e) {
            return Verification.unknown(e.getMessage());
        }
        URI sts = URI.create(context.endpoints().require(ISSUER) + "/");
        Http.Response reply = context.http(ISSUER).post(sts, signedHeaders(parts, sts), BODY);
        return StsReply.read(reply, parts);
    }

    /** The SigV4 headers (Authorization, X-Amz-Date, X-Amz-Security-Token) for the GetCallerIdentity POST. */
    static Map<String, String> signedHeaders(AwsKeyParts parts, URI sts) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(sts)
                .putHeader("Content-Type", "application/x-www-form-urlencoded").build();
        AwsCredentialsIdentity identity = parts.sessionToken() == null
                ? AwsCredentialsIdentity.create(parts.keyId(), parts.secretKey())
                : AwsSessionCredentialsIdentity.create(parts.keyId(), parts.secretKey(), parts.sessionToken());
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromUtf8String(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region(sts))).request();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
            if (!SET_BY_CLIENT.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.put(h.getKey(), String.join(",", h.getValue()));
            }
        }
        return headers;
    }

    /** The region a regional STS endpoint signs for; the global endpoint (and any other host) signs for us-east-1. */
    static String region(URI sts) {
        Matcher m = REGIONAL_HOST.matcher(sts.getHost() == null ? "" : sts.getHost());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : DEFAULT_REGION;
    }

    /** STS's documented answers: the caller's ARN, or an ErrorResponse with a Code. */
    static final class StsReply {
        private StsReply() {
        }

        static Verification read(Http.Response reply, AwsKeyParts parts) {
            if (reply.status() == 200) {
                return caller(reply.body()).map(Verification::live).orElseGet(() -> IssuerAnswers.unexpectedBody("AWS STS", reply));
            }
            Optional<String> code = element(reply.body(), "Code").filter(c -> c.matches("[A-Za-z0-9.]{1,64}"));
            if (code.isEmpty()) {
                return IssuerAnswers.notNow("AWS STS", reply).orElseGet(() -> IssuerAnswers.unexpected("AWS STS", reply));
            }
            return switch (code.get()) {
                case "InvalidClientTokenId" -> unknownKeyId(parts);
                case "SignatureDoesNotMatch" -> wrongSignature(parts);
                case "ExpiredToken" -> Verification.dead("the session token has expired");
                case "Throttling", "RequestLimitExceeded", "ServiceUnavailable", "InternalFailure" ->
                        Verification.unknown("AWS STS could not answer now (" + code.get() + "); try again later");
                default -> Verification.unknown("AWS STS answered " + code.get() + " (HTTP " + reply.status()
                        + "), which says nothing certain about the key");
            };
        }

        /** Dead only if the unknown key id is the finding, or surely the finding's own (the one key id next to the secret). */
        private static Verification unknownKeyId(AwsKeyParts parts) {
            if (parts.keyId().startsWith("ASIA")) {
                // STS gives temporary keys this answer for a session token that is not theirs, too
                return Verification.unknown("AWS does not accept the temporary key id with the session token next to it");
            }
            if (parts.found() == AwsKeyParts.Part.KEY_ID || parts.secretWithItsOnlyKeyId()) {
                return Verification.dead("AWS does not know the access key id (deleted, deactivated or never valid)");
            }
            return Verification.unknown(parts.found() == AwsKeyParts.Part.SECRET_KEY
                    ? "AWS does not know the nearest access key id, but " + parts.keyIdsNearby() + " key ids are written nearby: the secret may be another's"
                    : "AWS does not know the access key id next to the session token; that says nothing certain about the token");
        }

        /**
         * The key id exists (STS got as far as checking the signature): only the secret is in doubt, and it is the
         * finding's fault only if the finding is that secret and no other key id nearby could be its pair.
         */
        private static Verification wrongSignature(AwsKeyParts parts) {
            if (parts.secretWithItsOnlyKeyId()) {
                return Verification.dead("the secret key does not match the access key id (rotated secret or a wrong pair)");
            }
            return Verification.unknown(switch (parts.found()) {
                case KEY_ID -> "AWS knows the access key id; the secret key written next to it does not sign for it (it may be another key's)";
                case SECRET_KEY -> "the secret key does not sign for the nearest access key id; another key id is written nearby";
                case SESSION_TOKEN -> "the key pair next to the session token does not match; that says nothing certain about the token";
            });
        }

        /** "arn:aws:iam::123456789012:user/ci (account 123456789012)", from a GetCallerIdentityResult. */
        private static Optional<String> caller(String xml) {
            String account = element(xml, "Account").filter(a -> a.matches("\\d{12}")).map(a -> " (account " + a + ")").orElse("");
            return element(xml, "Arn").filter(a -> a.matches("arn:[\\w+=,.@:/-]{1,2000}")).map(arn -> arn + account);
        }

        private static Optional<String> element(String xml, String name) {
            Matcher m = Pattern.compile("<" + name + ">([^<]{1,2048})</" + name + ">").matcher(xml);
            return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
        }
    }
}
