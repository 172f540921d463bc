package dev.secretsprawl.verify.http;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.net.CredentialUrl;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the page a user name and password are for: the {@code https://user:password@host/path} URL that holds
 * them, or the URL of the {@code curl -u user:password URL} command that passes them.
 */
final class BasicAuthTargets {
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final Pattern CURL_URL = Pattern.compile(
            "(?i)\\b(https?)://(?:[^@/\\s\"'`<>]*@)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252}[A-Za-z0-9_])?)(?::(\\d{1,5}))?(/[^\\s\"'`<>?#]*)?(?=$|[\\s\"'`<>?#])");

    private BasicAuthTargets() {
    }

    static Optional<BasicAuthTarget> of(Credential credential) {
        String text = credential.context().reveal();
        String secret = credential.secret().reveal();
        Optional<CredentialUrl> url = CredentialUrl.find(text, secret, SCHEMES);
        if (url.isPresent()) {
            CredentialUrl u = url.get();
            return target(u.scheme(), u.host(), u.port(), u.path(), u.user(), u.password());
        }
        return text.lines().filter(l -> l.contains("curl") && l.contains(":" + secret)).findFirst()
                .flatMap(line -> fromCurl(line, secret));
    }

    /** {@code curl ... -u|--user user:password ... https://host/path}: curl sends {@code -u} as written. */
    private static Optional<BasicAuthTarget> fromCurl(String line, String secret) {
        Matcher user = Pattern.compile("(?:^|[ \\t])(?:-u|--user)[ \\t]*[\"']?([^\\s:\"']{1,100}):" + Pattern.quote(secret)).matcher(line);
        Matcher url = CURL_URL.matcher(line);
        if (!user.find() || !url.find()) {
            return Optional.empty();
        }
        int port = url.group(3) == null ? -1 : Integer.parseInt(url.group(3));
        return target(url.group(1), url.group(2), port, url.group(4) == null ? "" : url.group(4), user.group(1), secret);
    }

    private static Optional<BasicAuthTarget> target(String scheme, String host, int port, String path, String user, String password) {
        if (port > 65535) {
            return Optional.empty();
        }
        String s = scheme.toLowerCase(java.util.Locale.ROOT);
        URI origin = URI.create(s + "://" + host + (port >= 0 ? ":" + port : ""));
        if (origin.getHost() == null) {
            return Optional.empty(); // a name java.net.URI cannot reach (an underscore in it)
        }
        return Optional.of(new BasicAuthTarget(origin, path.isEmpty() ? "/" : path, user, password));
    }
}
