package dev.secretsprawl.migrate.store.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.secretsprawl.migrate.store.StoreException;
import dev.secretsprawl.verify.NetworkFailures;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one small HTTP helper of the GitHub and GitLab stores: JSON over {@code java.net.http} to one API base,
 * a timeout on every call, no redirects (one could carry the token to another host), and one retry after a
 * documented rate-limit answer when the issuer asks for at most {@link RateLimit#MAX_WAIT}; otherwise a
 * {@link StoreException} telling the user when to retry. Messages name the vendor and base URL, never the token.
 */
public final class RestApi {
    /** An answer: status, headers (names lower-case) and body as text. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** The body as JSON, or a missing node when it is not JSON. */
        public JsonNode json() {
            try {
                JsonNode node = JSON.readTree(body);
                return node == null ? MissingNode.getInstance() : node;
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }
    }

    /** Waits between a rate-limit answer and the retry (a test records the wait instead). */
    public interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    public static final String USER_AGENT = "secret-sprawl-migrate/0.1";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 256 * 1024;

    private final String vendor;
    private final URI base;
    private final Map<String, String> auth;
    private final Duration timeout;
    private final HttpClient client;
    private final Sleeper sleeper;
    private final Clock clock;

    /** VENDOR names the issuer in messages; HEADERS (the token's among them) go with every call. */
    public RestApi(String vendor, URI base, Map<String, String> auth, Duration timeout, Sleeper sleeper, Clock clock) {
        this.vendor = vendor;
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.auth = Map.copyOf(auth);
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public RestApi(String vendor, URI base, Map<String, String> auth, Duration timeout) {
        this(vendor, base, auth, timeout, wait -> Thread.sleep(wait.toMillis()), Clock.systemUTC());
    }

    /** The base URL without user info, for messages. */
    public String where() {
        return base.getScheme() + "://" + base.getHost() + (base.getPort() >= 0 ? ":" + base.getPort() : "")
                + (base.getRawPath() == null ? "" : base.getRawPath());
    }

    public String vendor() {
        return vendor;
    }

    /** True when TEXT (an issuer's message) holds the token we send, so it must not reach a message of ours. */
    public boolean echoesCredential(String text) {
        for (String value : auth.values()) {
            String credential = value.substring(value.lastIndexOf(' ') + 1);
            if (credential.length() >= 8 && text.contains(credential)) {
                return true;
            }
        }
        return false;
    }

    /** Sends METHOD to base + RAW_PATH (already encoded, with its query) with an optional JSON body. */
    public Answer send(String method, String rawPath, JsonNode body) throws IOException, InterruptedException {
        Answer answer = once(method, rawPath, body);
        if (!RateLimit.limited(answer.status(), answer::header, answer.body())) {
            return answer;
        }
        Duration wait = RateLimit.wait(answer::header, clock.instant());
        if (wait.compareTo(RateLimit.MAX_WAIT) <= 0) {
            sleeper.sleep(wait);
            answer = once(method, rawPath, body);
            if (!RateLimit.limited(answer.status(), answer::header, answer.body())) {
                return answer;
            }
            wait = RateLimit.wait(answer::header, clock.instant());
        }
        throw new StoreException(vendor + " at " + where() + " rate limited us (HTTP " + answer.status() + "); "
                + RateLimit.advice(wait, clock.instant()) + " and run the migration again");
    }

    private Answer once(String method, String rawPath, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!auth.containsKey("Accept")) {
            request.header("Accept", "application/json");
        }
        auth.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            Map<String, List<String>> lower = response.headers().map().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
            try (InputStream in = response.body()) {
                return new Answer(response.statusCode(), lower, new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the JDK's own message may quote the URL; ours names the failure and the base only
            throw new StoreException(vendor + " at " + where() + " could not be reached ("
                    + NetworkFailures.reason(e).orElse(e.getClass().getSimpleName()) + "); check the network and retry");
        }
    }
}
