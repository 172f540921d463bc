package dev.secretsprawl.verify.http;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.net.CredentialUrl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
            "(?i)\\b(https?)://(?:[^@/\\s\"'`<>]*@)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252}[A-Za-z0-9_])?)(?::(\\d{1,5}))?(/[^\\s\"'`<>?#]*)?(?:[?#][^\\s\"'`<>]*)?");

    /** curl options whose next word is their value, never the page fetched (curl --manual). */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-x", "--proxy", "-H", "--header", "-e", "--referer",
            "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--json", "-F", "--form", "-o", "--output",
            "-A", "--user-agent", "-b", "--cookie", "-c", "--cookie-jar", "-U", "--proxy-user", "-T", "--upload-file",
            "--resolve", "--connect-to", "--cacert", "--cert", "--key", "-w", "--write-out", "-X", "--request",
            "-u", "--user", "--preproxy", "--doh-url");

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

    /**
     * {@code curl ... -u|--user user:password ... https://host/path}: curl sends {@code -u} as written. The page is
     * the one URL the command fetches: URLs that are values of other options (a proxy, a header, a referer, posted
     * data) are someone else's, and a command fetching several pages does not say which one the password is for.
     */
    private static Optional<BasicAuthTarget> fromCurl(String line, String secret) {
        Matcher user = Pattern.compile("(?:^|[ \\t])(?:-u|--user)[ \\t]*[\"']?([^\\s:\"']{1,100}):" + Pattern.quote(secret)).matcher(line);
        if (!user.find()) {
            return Optional.empty();
        }
        List<Matcher> fetched = new ArrayList<>();
        List<String> words = shellWords(line);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (OPTIONS_WITH_VALUE.contains(word)) {
                i++;
                continue;
            }
            Matcher url = CURL_URL.matcher(word);
            if (url.matches()) {
                fetched.add(url);
            }
        }
        if (fetched.size() != 1) {
            return Optional.empty();
        }
        Matcher url = fetched.get(0);
        int port = url.group(3) == null ? -1 : Integer.parseInt(url.group(3));
        return target(url.group(1), url.group(2), port, url.group(4) == null ? "" : url.group(4), user.group(1), secret);
    }

    /** The words of a command line as a shell splits them (quotes joined, not expanded); enough to tell options apart. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
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
