package dev.secretsprawl.cli;

import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.VerificationService;
import dev.secretsprawl.verify.VerifierRegistry;
import dev.secretsprawl.verify.VerifyContext;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options of liveness verification: off unless --verify, because it sends each credential to its issuer. */
final class VerifyOptions {
    @Option(names = "--verify",
            description = {"Ask each credential's issuer whether it still works (live, dead or unknown).",
                    "Sends each credential to its own issuer's endpoint only, once per distinct credential."})
    boolean verify;

    @Option(names = "--only-live",
            description = "Report only credentials verified live (implies --verify).")
    boolean onlyLive;

    @Option(names = "--verify-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up on one check after this long; it is reported unknown. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds = 10;

    @Option(names = "--verify-concurrency", paramLabel = "N", defaultValue = "8",
            description = "Checks in flight at once. Default: ${DEFAULT-VALUE}.")
    int concurrency = 8;

    @Option(names = "--verify-rate", paramLabel = "PER_SECOND", defaultValue = "5",
            description = "Checks started per second against any one issuer. Default: ${DEFAULT-VALUE}.")
    double rate = 5;

    @Option(names = "--verify-endpoint", paramLabel = "ISSUER=URL",
            description = {"Where an issuer's API is (repeatable), e.g. github=https://ghe.example.com/api/v3,",
                    "gitlab=https://gitlab.example.com, vault=https://vault.example.com:8200 (Vault tokens go only",
                    "to the Vault address written next to them, or to this one)."})
    List<String> endpoints = new ArrayList<>();

    boolean enabled() {
        return verify || onlyLive;
    }

    /** Checks every value before anything is scanned or sent. */
    void validate() {
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw new UsageError("--verify-timeout must be between 1 and 300 seconds, got " + timeoutSeconds);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new UsageError("--verify-concurrency must be between 1 and 64, got " + concurrency);
        }
        if (!(rate > 0) || rate > 1000) {
            throw new UsageError("--verify-rate must be above 0 and at most 1000, got " + rate);
        }
        endpoints();
    }

    /**
     * --verify-endpoint, then the vendors' defaults. The environment of the machine running the scan is not read:
     * its VAULT_ADDR is the operator's Vault, not necessarily the issuer of a token found in a repository.
     */
    Endpoints endpoints() {
        Map<String, URI> overrides = new LinkedHashMap<>();
        for (String spec : endpoints) {
            try {
                Map.Entry<String, URI> e = Endpoints.parse(spec);
                overrides.put(e.getKey(), e.getValue());
            } catch (IllegalArgumentException e) {
                throw new UsageError("--verify-endpoint: " + e.getMessage());
            }
        }
        return Endpoints.with(overrides);
    }

    /** The verification service these options describe, over every verifier we ship; close it when done. */
    VerificationService service() {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        return new VerificationService(VerifierRegistry.standard(), new VerifyContext(endpoints(), timeout),
                new VerificationService.Options(timeout, concurrency, rate));
    }
}
