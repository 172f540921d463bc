package dev.secretsprawl.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Optional;

/**
 * How every HTTP API check reads the answers they have in common, so no verifier repeats it: a rate limit or
 * a server error is "not now" (unknown, never dead), an answer outside the vendor's documentation is unknown,
 * and names taken from an answer are shortened and never echo the secret.
 */
public final class IssuerAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NAME = 80;

    private IssuerAnswers() {
    }

    /** HTTP 429 or a 5xx: the issuer could not answer now. Empty for any other status: the verifier reads on. */
    public static Optional<Verification> notNow(String vendor, Http.Response response) {
        if (response.status() == 429) {
            return Optional.of(Verification.unknown(vendor + " rate limited the check (HTTP 429); try again later"));
        }
        if (response.status() >= 500) {
            return Optional.of(Verification.unknown(vendor + " answered HTTP " + response.status() + " (server error)"));
        }
        return Optional.empty();
    }

    public static Verification rateLimited(String vendor) {
        return Verification.unknown(vendor + " rate limited the check; try again later");
    }

    /** An answer the vendor does not document for this check. */
    public static Verification unexpected(String vendor, Http.Response response) {
        return Verification.unknown(vendor + " answered HTTP " + response.status() + ", which its documentation does not describe for this check");
    }

    /** A documented status whose body is not what the documentation shows. */
    public static Verification unexpectedBody(String vendor, Http.Response response) {
        return Verification.unknown(vendor + " answered HTTP " + response.status() + " with a body its documentation does not show");
    }

    /** The body as JSON, or empty when it is not JSON. */
    public static Optional<JsonNode> jsonIfAny(Http.Response response) {
        JsonNode node = json(response);
        return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** The body as JSON, or a missing node when it is not JSON (a proxy's HTML page, a changed API). */
    public static JsonNode json(Http.Response response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** A text field of an answer, or "" when absent or not text. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText("") : "";
    }

    /**
     * A name from the issuer's answer fit for a report: printable, short, and withheld if it holds the secret
     * (a hostile or broken server could echo the credential back).
     */
    public static String name(String value, Credential credential) {
        String printable = value.replaceAll("[\\p{Cntrl}]", " ").strip();
        if (printable.contains(credential.secret().reveal())) {
            return "(withheld)";
        }
        return printable.length() > MAX_NAME ? printable.substring(0, MAX_NAME) + "..." : printable;
    }
}
