package dev.secretsprawl.verify.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The readable parts of a compact JWS (RFC 7515 section 7.1, RFC 7519): the JOSE header and the claims set,
 * both base64url JSON objects. The signature is not checked: we hold no key.
 */
record JwtToken(JsonNode header, JsonNode claims) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a value is not a JWT we can read, in our own words (never quoting the value). */
    static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason);
        }
    }

    static JwtToken parse(String token) throws Malformed {
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new Malformed(parts.length == 5 ? "an encrypted JWT (JWE) cannot be read without its key"
                    : "it has " + parts.length + " dot-separated parts, a signed JWT has 3");
        }
        return new JwtToken(object(parts[0], "header"), object(parts[1], "payload"));
    }

    private static JsonNode object(String part, String name) throws Malformed {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new Malformed("its " + name + " is not base64url");
        }
        JsonNode node;
        try {
            node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Malformed("its " + name + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Malformed("its " + name + " is not a JSON object");
        }
        return node;
    }

    /** A NumericDate claim (seconds since the epoch, RFC 7519 section 2), if present. */
    Optional<Instant> date(String claim) throws Malformed {
        JsonNode value = claims.get(claim);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new Malformed("its \"" + claim + "\" claim is not a number of seconds");
        }
        double seconds = value.asDouble();
        if (Double.isNaN(seconds) || Math.abs(seconds) > Instant.MAX.getEpochSecond()) {
            throw new Malformed("its \"" + claim + "\" claim is out of range");
        }
        return Optional.of(Instant.ofEpochSecond((long) seconds));
    }

    /** A short string claim such as "iss" or "sub", to name the token's owner; empty when absent or odd. */
    Optional<String> text(String claim) {
        JsonNode value = claims.get(claim);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > 100) {
            return Optional.empty();
        }
        return Optional.of(value.asText().replaceAll("\\p{Cntrl}", "?"));
    }

    /** RFC 7519 section 6: an unsecured JWT anyone can forge. */
    boolean unsigned() {
        JsonNode alg = header.get("alg");
        return alg != null && alg.isTextual() && alg.asText().equalsIgnoreCase("none");
    }
}
