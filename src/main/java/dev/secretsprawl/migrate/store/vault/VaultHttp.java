package dev.secretsprawl.migrate.store.vault;

import dev.secretsprawl.migrate.store.StoreException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Plain HTTP for the Vault calls the driver has no method for (KV v2 metadata). Same client, timeout and headers
 * as the driver's calls; redirects are not followed, so the token never goes to another host.
 */
final class VaultHttp {
    /** An answer: status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final URI address;
    private final Duration timeout;
    private final String namespace;
    private final VaultErrors errors;

    VaultHttp(HttpClient client, URI address, Duration timeout, String namespace, VaultErrors errors) {
        this.client = client;
        this.address = address;
        this.timeout = timeout;
        this.namespace = namespace;
        this.errors = errors;
    }

    /** METHOD on API_PATH (/v1/...) with TOKEN; a JSON BODY or null. ACTION names the step for messages. */
    Answer send(String method, String apiPath, String body, String token, String action)
            throws StoreException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.resolve(apiPath)).timeout(timeout)
                .header("X-Vault-Request", "true")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        if (namespace != null && !namespace.isBlank()) {
            request.header("X-Vault-Namespace", namespace);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw errors.unreachable(action, e);
        }
    }

    /** Throws the user-facing error for a refused answer; HIDE are the strings that must not appear in it. */
    void require(Answer answer, String action, String apiPath, List<String> hide) throws StoreException {
        if (!answer.ok()) {
            throw errors.answered(action, apiPath, answer.status(), answer.body(), hide);
        }
    }
}
