package dev.secretsprawl.verify.vendors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs again, as STS would check it, the request exactly as it arrived (its signed headers' received values,
 * its body, its X-Amz-Date): equal signatures mean nothing on the way changed what was signed.
 */
final class SigV4Resign {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([a-z0-9;-]+)");

    private SigV4Resign() {
    }

    static String authorization(LoggedRequest arrived, String keyId, String secretKey) {
        Matcher m = SIGNED_HEADERS.matcher(arrived.getHeader("Authorization"));
        if (!m.find()) {
            throw new AssertionError("no SignedHeaders in the Authorization header");
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(arrived.getMethod().getName()))
                .uri(URI.create(arrived.getAbsoluteUrl()));
        for (String name : m.group(1).split(";")) {
            if (!name.equals("host") && !name.equals("x-amz-date") && !name.equals("x-amz-content-sha256")) {
                request.putHeader(name, arrived.getHeader(name));
            }
        }
        Instant at = AMZ_DATE.parse(arrived.getHeader("X-Amz-Date"), Instant::from);
        return AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(keyId, secretKey))
                        .request(request.build()).payload(ContentStreamProvider.fromUtf8String(arrived.getBodyAsString()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }
}
