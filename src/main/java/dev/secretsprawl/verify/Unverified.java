package dev.secretsprawl.verify;

import java.util.Map;

/** Issuers of the rule pack with no verifier, and why: shown as the reason of an "unknown". */
final class Unverified {
    static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("generic", "a generic password names no issuer, and nothing next to it (a database host and user) says where it works")
    );

    private Unverified() {
    }
}
