package dev.secretsprawl.verify.vendors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;

import java.io.IOException;
import java.util.Optional;

/**
 * What the vendor verifiers of this package read the same way: a rate limit or a server error says nothing
 * about the credential, and an answer the vendor does not document is unknown, never dead.
 */
final class VendorReplies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VendorReplies() {
    }

    /** Unknown for answers that say nothing about the credential (429, 5xx); empty for the rest. */
    static Optional<Verification> inconclusive(String vendor, Http.Response reply) {
        if (reply.status() == 429) {
            return Optional.of(Verification.unknown(vendor + " rate-limited the check (HTTP 429); try again later"));
        }
        if (reply.status() >= 500) {
            return Optional.of(Verification.unknown(vendor + " had a server error (HTTP " + reply.status() + ")"));
        }
        return Optional.empty();
    }

    /** An HTTP status the vendor's documentation does not give for this call. */
    static Verification unexpected(String vendor, Http.Response reply) {
        return Verification.unknown(vendor + " answered HTTP " + reply.status()
                + ", which its API documentation does not describe for this check");
    }

    /** A documented status whose body is not what the documentation shows. */
    static Verification unexpectedBody(String vendor, Http.Response reply) {
        return Verification.unknown(vendor + " answered HTTP " + reply.status() + " with a body its documentation does not show");
    }

    /** The body as JSON, or empty when it is not JSON. */
    static Optional<JsonNode> json(Http.Response reply) {
        try {
            JsonNode node = JSON.readTree(reply.body());
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
