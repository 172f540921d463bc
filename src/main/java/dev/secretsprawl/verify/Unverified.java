package dev.secretsprawl.verify;

import java.util.Map;

/** Issuers of the rule pack with no verifier, and why: shown as the reason of an "unknown". */
final class Unverified {
    static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("generic", "a generic password or token names no issuer to ask"),
            Map.entry("docker-registry", "registry logins in a Docker config are not checked: each registry's token service"
                    + " lives on a host of its own that the check may not reach")
    );

    private Unverified() {
    }
}
