package dev.secretsprawl.verify.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerifierContractTest;
import dev.secretsprawl.verify.VerifyContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The contract cases of an API verifier against a WireMock issuer that answers what the vendor documents:
 * one server per test, the issuer's endpoint pointed at it, and a short timeout for the slow case.
 */
abstract class ApiVerifierTest extends VerifierContractTest {
    static final Duration PATIENT = Duration.ofSeconds(5);
    static final Duration IMPATIENT = Duration.ofMillis(300);
    /** Longer than {@link #IMPATIENT}: the stand-in answers too late. */
    static final int SLOW_MILLIS = 2_000;

    final SyntheticCredentials synthetic = new SyntheticCredentials(105);
    WireMockServer issuer;

    /** The issuer name the verifier answers for, whose endpoint points at the WireMock server. */
    abstract String issuerName();

    @BeforeEach
    void startIssuer() {
        issuer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        issuer.start();
    }

    @AfterEach
    void stopIssuer() {
        issuer.stop();
    }

    /** The endpoint of the issuer: the server's root, or a path under it (GitHub Enterprise's /api/v3). */
    URI endpoint() {
        return URI.create(issuer.baseUrl());
    }

    VerifyContext context(Duration timeout) {
        return new VerifyContext(Endpoints.with(Map.of(issuerName(), endpoint())), timeout);
    }

    Case patient(Credential credential) {
        return new Case(credential, context(PATIENT));
    }

    Case impatient(Credential credential) {
        return new Case(credential, context(IMPATIENT));
    }

    Verification verify(Credential credential) throws InterruptedException {
        return check(patient(credential));
    }
}
