package dev.secretsprawl.migrate.store.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.migrate.store.StoreException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns Vault's refusals into messages that say what to do next. Vault's own error strings are shown (they say
 * things like "no handler for route"), but with every token and value we sent cut out first.
 */
final class VaultErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String address;
    private final Duration timeout;

    VaultErrors(String address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
    }

    /** Vault answered STATUS to ACTION on API_PATH (/v1/...). */
    StoreException answered(String action, String apiPath, int status, String body, Collection<String> hide) {
        String errors = errors(body, hide);
        String said = errors.isEmpty() ? "" : " (Vault said: " + errors + ")";
        return switch (status) {
            case 403 -> mentions(body, "invalid token") ? new StoreException("Vault at " + address + " refused "
                    + action + ": the token is invalid, expired or revoked; log in again and export a fresh VAULT_TOKEN "
                    + "(or VAULT_ROLE_ID and VAULT_SECRET_ID)")
                    : new StoreException("Vault at " + address + " denied " + action + ": the token has no policy "
                    + "that grants this on " + apiPath.substring("/v1/".length()) + "; give the token a policy "
                    + "with create, update and read on that path (and on its metadata/ path)" + said);
            case 429 -> new StoreException("Vault at " + address + " rate limited " + action
                    + " (HTTP 429); wait a moment and run the migration again");
            case 503 -> new StoreException("Vault at " + address + " is sealed or has no active node (HTTP 503); "
                    + "unseal it (vault operator unseal) or wait for a leader, then run the migration again");
            case 404 -> new StoreException("Vault at " + address + " has no KV v2 engine at " + apiPath
                    + " (HTTP 404); check the mount in the destination (vault secrets list)" + said);
            case 301, 302, 307, 308 -> new StoreException("Vault at " + address + " redirected " + action + " (HTTP "
                    + status + "), which we do not follow with a token; point VAULT_ADDR at the active node");
            default -> new StoreException("Vault at " + address + " refused " + action + " with HTTP " + status + said
                    + (status >= 500 ? "; check the Vault server's log and run the migration again" : ""));
        };
    }

    /** No answer at all: refused connection, unknown host, timeout. */
    StoreException unreachable(String action, Throwable failure) {
        boolean io = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            io |= t instanceof java.io.IOException;
        }
        if (!io) {
            return new StoreException("Vault at " + address + " answered " + action + " with a body the Vault client "
                    + "could not read (" + rootCause(failure) + "); check that VAULT_ADDR points at a Vault server");
        }
        String why = "the connection failed (" + rootCause(failure) + ")";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                why = "it did not answer within " + timeout.toSeconds() + " s";
                break;
            }
            if (t instanceof javax.net.ssl.SSLHandshakeException) {
                why = "its TLS certificate is not trusted; set VAULT_CACERT to the PEM file of the CA that signed it";
                break;
            }
            if (t instanceof ConnectException) {
                why = "nothing accepts connections there";
                break;
            }
            if (t instanceof UnknownHostException) {
                why = "the host name does not resolve";
                break;
            }
        }
        return new StoreException("cannot reach Vault at " + address + " to " + action + ": " + why
                + "; check VAULT_ADDR (or the destination's host and port) and that Vault is running");
    }

    private static String rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    /** Vault's {@code errors} array as one line, with every string in HIDE cut out. */
    static String errors(String body, Collection<String> hide) {
        List<String> parts = new ArrayList<>();
        try {
            JsonNode node = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            for (JsonNode e : node.path("errors")) {
                parts.add(e.asText("").replaceAll("\\s+", " ").strip());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
        String text = String.join("; ", parts.stream().filter(p -> !p.isEmpty()).toList());
        for (String h : hide) {
            if (h != null && !h.isEmpty()) {
                text = text.replace(h, "(withheld)");
            }
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static boolean mentions(String body, String words) {
        return errors(body, List.of()).contains(words);
    }
}
