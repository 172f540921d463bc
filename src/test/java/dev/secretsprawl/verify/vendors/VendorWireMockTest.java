package dev.secretsprawl.verify.vendors;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.VerifierContractTest;
import dev.secretsprawl.verify.VerifyContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The contract run against a WireMock server that answers as the vendor's API documentation shows; the
 * issuer's endpoint points at it, so nothing leaves the machine.
 */
abstract class VendorWireMockTest extends VerifierContractTest {
    /** Long enough for the impatient context to give up, short enough to keep the suite quick. */
    static final int SLOW_MILLIS = 2_000;

    protected final SyntheticCredentials synthetic = new SyntheticCredentials(101);
    protected WireMockServer wm;

    protected abstract String issuer();

    @BeforeEach
    void startVendor() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterEach
    void stopVendor() {
        wm.stop();
    }

    protected VerifyContext context() {
        return new VerifyContext(Endpoints.with(Map.of(issuer(), URI.create(wm.baseUrl()))), Duration.ofSeconds(5));
    }

    /** A context whose per-call timeout is far below {@link #SLOW_MILLIS}. */
    protected VerifyContext impatientContext() {
        return new VerifyContext(Endpoints.with(Map.of(issuer(), URI.create(wm.baseUrl()))), Duration.ofMillis(300));
    }

    protected Case at(Credential credential) {
        return new Case(credential, context());
    }
}
