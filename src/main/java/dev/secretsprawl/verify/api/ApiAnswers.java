package dev.secretsprawl.verify.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;

import java.util.Optional;

/**
 * How every API check reads the answers they have in common, so no verifier repeats it: a rate limit or a
 * server error is "not now" (unknown, never dead), an answer outside the vendor's documentation is unknown,
 * and names taken from an answer are shortened and never echo the secret.
 */
final class ApiAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NAME = 80;

    private ApiAnswers() {
    }

    /** HTTP 429 or a 5xx: the issuer could not answer now. Empty for any other status: the verifier reads on. */
    static Optional<Verification> notNow(String vendor, Http.Response response) {
        if (response.status() == 429) {
            return Optional.of(rateLimited(vendor));
        }
        if (response.status() >= 500) {
            return Optional.of(Verification.unknown(vendor + " answered HTTP " + response.status() + " (server error)"));
        }
        return Optional.empty();
    }

    static Verification rateLimited(String vendor) {
        return Verification.unknown(vendor + " rate limited the check; try again later");
    }

    /** An answer the vendor does not document for this check. */
    static Verification unexpected(String vendor, Http.Response response) {
        return Verification.unknown(vendor + " answered HTTP " + response.status() + ", which its documentation does not describe for this check");
    }

    /** The body as JSON, or a missing node when it is not JSON (a proxy's HTML page, a changed API). */
    static JsonNode json(Http.Response response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** A text field of an answer, or "" when absent or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText("") : "";
    }

    /**
     * A name from the issuer's answer fit for a report: printable, short, and withheld if it holds the secret
     * (a hostile or broken server could echo the credential back).
     */
    static String name(String value, Credential credential) {
        String printable = value.replaceAll("[\\p{Cntrl}]", " ").strip();
        if (printable.contains(credential.secret().reveal())) {
            return "(withheld)";
        }
        return printable.length() > MAX_NAME ? printable.substring(0, MAX_NAME) + "..." : printable;
    }
}
