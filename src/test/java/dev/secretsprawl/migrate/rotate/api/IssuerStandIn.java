package dev.secretsprawl.migrate.rotate.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.VerifyContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock issuer per test, its endpoint in the verification context, and calls whose waits are recorded. */
abstract class IssuerStandIn {
    static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    final List<Duration> waits = new ArrayList<>();
    final IssuerCalls calls = new IssuerCalls(waits::add, Clock.fixed(NOW, ZoneOffset.UTC));
    WireMockServer issuer;

    @BeforeEach
    void startIssuer() {
        issuer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        issuer.start();
    }

    @AfterEach
    void stopIssuer() {
        issuer.stop();
    }

    VerifyContext context(String issuerName) {
        return new VerifyContext(Endpoints.with(Map.of(issuerName, URI.create(issuer.baseUrl()))), Duration.ofSeconds(5));
    }

    static ResponseDefinitionBuilder status(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
