package dev.secretsprawl.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a verifier may use: the configured endpoints, the per-call timeout, and HTTP fenced to the
 * issuer's own endpoint. The only place an HTTP client for verification is built.
 */
public final class VerifyContext {
    private final Endpoints endpoints;
    private final Duration timeout;
    private final HttpClient client;
    private final Consumer<URI> listener;

    public VerifyContext(Endpoints endpoints, Duration timeout) {
        this(endpoints, timeout, uri -> { });
    }

    /** With a listener told of every request before it is sent (tests prove where credentials go). */
    public VerifyContext(Endpoints endpoints, Duration timeout, Consumer<URI> listener) {
        this.endpoints = endpoints;
        this.timeout = timeout;
        this.listener = listener;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Duration timeout() {
        return timeout;
    }

    /** HTTP that reaches only this issuer's configured endpoint. */
    public Http http(String issuer) {
        return new Http(client, timeout, Set.of(Http.origin(endpoints.require(issuer))), listener);
    }

    /**
     * HTTP that reaches only this origin: for credentials whose issuer is the host written next to them
     * (a Jenkins API token and its Jenkins URL, a user:password URL).
     */
    public Http httpTo(URI credentialHost) {
        return new Http(client, timeout, Set.of(Http.origin(credentialHost)), listener);
    }

    /** Tells the listener of a non-HTTP connection (database, broker) before it is opened. */
    public void connecting(URI target) {
        listener.accept(target);
    }
}
