package dev.secretsprawl.source.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.scan.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The one way this package talks to Jenkins: GET requests under a base URL with Basic auth (user and API
 * token), the session cookie and the CSRF crumb, timeouts, and retries of overloaded answers. No message,
 * exception or log it produces holds the token or the Authorization header.
 */
public final class JenkinsHttp {
    /** A Jenkins user and API token; {@link #toString()} shows the user only. */
    public record Login(String user, char[] token) {
        @Override
        public String toString() {
            return "Login[" + user + ", token=****]";
        }
    }

    /** Waits before a retry; tests replace it to run without waiting. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One item or build the login may not read (403) or that is gone (404): skipped, the walk goes on. */
    public static final class Unavailable extends IOException {
        private final int status;

        Unavailable(int status, String url) {
            super("HTTP " + status + " for " + url);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    static final Set<Integer> RETRIED = Set.of(429, 502, 503, 504);
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String display;
    private final HttpClient client;
    private final String authorization;
    private final Duration timeout;
    private final int retries;
    private final Sleeper sleeper;
    private volatile String[] crumb;

    public JenkinsHttp(URI base, Login login) {
        this(base, login, Duration.ofSeconds(60), 4, d -> Thread.sleep(d.toMillis()));
    }

    JenkinsHttp(URI base, Login login, Duration timeout, int retries, Sleeper sleeper) {
        this.base = base;
        this.display = base.toString();
        this.timeout = timeout;
        this.retries = retries;
        this.sleeper = sleeper;
        this.authorization = login == null ? null : basic(login);
        // crumbs are bound to the web session since Jenkins 2.176.2, so the session cookie must travel too;
        // redirects are not followed: the JDK would repeat the Authorization header to wherever they point
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.getDefault())
                .build();
    }

    private static String basic(Login login) {
        CharBuffer pair = CharBuffer.allocate(login.user().length() + 1 + login.token().length);
        pair.put(login.user()).put(':').put(login.token()).flip();
        var bytes = StandardCharsets.UTF_8.encode(pair);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        String header = "Basic " + Base64.getEncoder().encodeToString(raw);
        Arrays.fill(raw, (byte) 0);
        return header;
    }

    /**
     * The base URL of a Jenkins instance as typed by a user, checked: http or https, a host, no user or
     * password written into it (they would show in process lists), no query; always ends with a slash.
     *
     * @throws IllegalArgumentException with a message that repeats the URL without any user or password
     */
    public static URI parseBase(String url) {
        String shown = redact(url);
        if (!shown.equals(url)) {
            throw new IllegalArgumentException("the URL " + shown + " must not hold a user or password: "
                    + "pass the user with --user and the API token in an environment variable (--token-env)");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + shown + "' is not a URL; use e.g. https://jenkins.example.com/");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + shown + "' is not an http(s) URL of a Jenkins instance; use e.g. https://jenkins.example.com/");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the URL " + shown + " must be the Jenkins root (or its context path), without ?query or #fragment");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    /**
     * The URL without any {@code user:password@} written into it, for messages. Cuts up to the last
     * {@code @}: a password may itself hold unencoded {@code / # ? @}, so no URL parser can be trusted to
     * find where it ends.
     */
    public static String redact(String url) {
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int scheme = url.indexOf("://");
        int from = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return url.substring(0, from) + url.substring(at + 1);
    }

    /** A query-string value, encoded so that Jenkins' tree syntax ({@code []{},}) survives. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String baseUrl() {
        return display;
    }

    /** The absolute URL of a path under the base, for reports and messages (never holds credentials). */
    public String url(String path) {
        return display + path;
    }

    /**
     * Asks for a CSRF crumb and sends it with every later request. Jenkins answers 404 when CSRF
     * protection is off; then no crumb is sent.
     */
    public void fetchCrumb() throws IOException {
        try {
            JsonNode answer = json("crumbIssuer/api/json");
            String field = answer.path("crumbRequestField").asText("");
            String value = answer.path("crumb").asText("");
            if (!field.isEmpty() && !value.isEmpty()) {
                crumb = new String[] {field, value};
            }
        } catch (Unavailable e) {
            if (e.status() != 404) {
                throw new ConfigException("Jenkins at " + display + " refused access (HTTP " + e.status()
                        + "): the user needs the Overall/Read permission", e);
            }
        }
    }

    /** True once a crumb was issued and is being sent. */
    public boolean hasCrumb() {
        return crumb != null;
    }

    /** GETs {@code path} (relative to the base URL) as JSON. */
    public JsonNode json(String path) throws IOException {
        try (InputStream in = open(path)) {
            return JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("Jenkins answered " + url(path) + " with something that is not JSON", null);
        }
    }

    /**
     * GETs {@code path} (relative to the base URL) and returns the body as a stream, for the caller to
     * read and close; a large console log is never held whole.
     *
     * @throws Unavailable     on 403 or 404
     * @throws ConfigException on 401: the login is wrong, nothing else will work either
     */
    public InputStream open(String path) throws IOException {
        HttpRequest request = request(path);
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response = send(request);
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            response.body().close();
            if (RETRIED.contains(status) && attempt < retries) {
                pause(waitBefore(attempt, response));
                continue;
            }
            throw failure(status, path, response);
        }
    }

    private HttpRequest request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET()
                .header("User-Agent", "secret-sprawl");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        String[] c = crumb;
        if (c != null) {
            b.header(c[0], c[1]);
        }
        return b.build();
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + request.uri(), e);
        } catch (IOException e) {
            // the JDK's messages name the host at most; say which request failed and how
            throw new IOException("cannot read " + request.uri() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private void pause(Duration wait) throws IOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }

    /** Retry-After (seconds or an HTTP date) when Jenkins or its proxy sends one, else 1, 2, 4... seconds. */
    static Duration waitBefore(int attempt, HttpResponse<?> response) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempt, 5));
        String header = response.headers().firstValue("Retry-After").orElse("").strip();
        if (header.isEmpty()) {
            return backoff;
        }
        Duration asked;
        try {
            asked = Duration.ofSeconds(Math.max(0, Long.parseLong(header)));
        } catch (NumberFormatException e) {
            try {
                asked = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME));
                asked = asked.isNegative() ? Duration.ZERO : asked;
            } catch (DateTimeParseException notADate) {
                return backoff;
            }
        }
        return asked.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : asked;
    }

    private IOException failure(int status, String path, HttpResponse<?> response) {
        String where = url(path);
        if (status == 401) {
            throw new ConfigException("Jenkins at " + display + " rejected the login (HTTP 401): "
                    + (authorization == null ? "it requires one; give a user and an API token"
                    : "the user name or API token is wrong, or the token was revoked"));
        }
        if (status == 403 || status == 404) {
            return new Unavailable(status, where);
        }
        if (status / 100 == 3) {
            String to = response.headers().firstValue("Location").map(JenkinsHttp::redact).orElse("elsewhere");
            return new IOException("Jenkins redirected " + where + " to " + to
                    + "; use the address it redirects to as the Jenkins URL");
        }
        return new IOException("Jenkins answered HTTP " + status + " for " + where);
    }
}
