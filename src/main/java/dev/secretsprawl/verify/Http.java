package dev.secretsprawl.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The one small HTTP helper every API verifier shares: a timeout on every call, our User-Agent, no
 * redirects (a redirect could carry the credential to another host), and a fence: a request to any origin
 * but the ones this instance was opened for is refused before a byte leaves.
 */
public final class Http {
    public static final String USER_AGENT = "secret-sprawl-verifier/0.1 (+https://github.com/secret-sprawl; credential liveness check)";

    /** An answer: status, headers (names lower-case) and body as text. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final int MAX_BODY = 256 * 1024;
    private final HttpClient client;
    private final Duration timeout;
    private final Set<String> origins;
    private final Consumer<URI> listener;

    Http(HttpClient client, Duration timeout, Set<String> origins, Consumer<URI> listener) {
        this.client = client;
        this.timeout = timeout;
        this.origins = Set.copyOf(origins);
        this.listener = listener;
    }

    /** {@code scheme://host:port}, lower-case, with the scheme's default port filled in. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    public Response get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        return send("GET", uri, headers, null);
    }

    public Response post(URI uri, Map<String, String> headers, String body) throws IOException, InterruptedException {
        return send("POST", uri, headers, body);
    }

    public Response send(String method, URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        if (!origins.contains(origin(uri))) {
            throw new ForbiddenHostException("refused to send a credential to " + origin(uri)
                    + "; this check may only reach " + origins.stream().sorted().collect(Collectors.joining(", ")));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        listener.accept(uri);
        HttpResponse<java.io.InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        Map<String, List<String>> lower = response.headers().map().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
        return new Response(response.statusCode(), lower, head(response.body()));
    }

    /** At most {@value #MAX_BODY} bytes of a body: every answer a check reads is small; a huge one is not an API's. */
    private static String head(java.io.InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
    }

    /** A request to a host this check was not opened for: a bug in a verifier, never sent. */
    public static final class ForbiddenHostException extends IOException {
        ForbiddenHostException(String message) {
            super(message);
        }
    }
}
