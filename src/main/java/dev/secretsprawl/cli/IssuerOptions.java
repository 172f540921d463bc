package dev.secretsprawl.cli;

import dev.secretsprawl.migrate.MigrationRunner;
import dev.secretsprawl.verify.VerificationService;
import dev.secretsprawl.verify.VerifyContext;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Where issuers are and how long to wait for them, for commands that always talk to issuers (apply, gate). */
final class IssuerOptions {
    @Option(names = "--verify-endpoint", paramLabel = "ISSUER=URL",
            description = {"Where an issuer's API is (repeatable), e.g. github=https://ghe.example.com/api/v3,",
                    "gitlab=https://gitlab.example.com. Databases and brokers are reached at the host written",
                    "next to their password."})
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--verify-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up on one issuer call after this long. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds = 10;

    private VerifyOptions asVerifyOptions() {
        VerifyOptions v = new VerifyOptions();
        v.verify = true;
        v.endpoints = endpoints;
        v.timeoutSeconds = timeoutSeconds;
        v.concurrency = 4;
        v.validate();
        return v;
    }

    void validate() {
        asVerifyOptions();
    }

    /** A fresh service per question: an answer from before a rotation must never be reused after it. */
    MigrationRunner.Verifying freshVerifying() {
        return (credential, hash) -> {
            try (VerificationService service = asVerifyOptions().service()) {
                return service.verify(credential, hash);
            }
        };
    }

    VerifyContext context() {
        return new VerifyContext(asVerifyOptions().endpoints(), Duration.ofSeconds(timeoutSeconds));
    }
}
