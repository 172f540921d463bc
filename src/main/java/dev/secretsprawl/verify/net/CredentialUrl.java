package dev.secretsprawl.verify.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code scheme://user:password@host:port/path} URL written next to a secret, found in the finding's
 * context by its password (as written, before percent-decoding). Parsed by hand: real passwords carry
 * characters ({@code #}, {@code !}, {@code %}) that {@link java.net.URI} rejects or reads as a fragment.
 *
 * @param user     percent-decoded, empty when the URL names none
 * @param password percent-decoded
 * @param port     -1 when the URL names none
 * @param path     from its {@code /} up to the query, fragment or end; empty when none
 */
public record CredentialUrl(String scheme, String user, String password, String host, int port, String path) {
    private static final Pattern START = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{1,20})://([^:@/\\s\"'`<>\\[\\]]{0,64}):");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252}[A-Za-z0-9_])?)(?::(\\d{1,5}))?");
    private static final Pattern PATH = Pattern.compile("/[^\\s\"'`<>?#]*");

    /**
     * The first URL of one of these schemes in {@code text} whose password is {@code rawSecret}; empty when
     * there is none or its host is not a host name (a {@code ${VAR}} placeholder).
     */
    public static Optional<CredentialUrl> find(String text, String rawSecret, Set<String> schemes) {
        Matcher m = START.matcher(text);
        while (m.find()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            if (!schemes.contains(scheme) || !text.startsWith(rawSecret + "@", m.end())) {
                continue;
            }
            Optional<CredentialUrl> url = parseAuthority(scheme, m.group(2), rawSecret, text, m.end() + rawSecret.length() + 1);
            if (url.isPresent()) {
                return url;
            }
        }
        return Optional.empty();
    }

    private static Optional<CredentialUrl> parseAuthority(String scheme, String rawUser, String rawSecret, String text, int at) {
        Matcher hp = HOST_PORT.matcher(text).region(at, text.length());
        if (!hp.lookingAt() || endsInsideName(text, hp.end())) {
            return Optional.empty();
        }
        int port = hp.group(2) == null ? -1 : Integer.parseInt(hp.group(2));
        if (port > 65535) {
            return Optional.empty();
        }
        Matcher path = PATH.matcher(text).region(hp.end(), text.length());
        String host = hp.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(new CredentialUrl(scheme, decode(rawUser), decode(rawSecret), host, port,
                path.lookingAt() ? path.group() : ""));
    }

    /** A host followed by {@code $}, {@code {} or {@code %} is a template, not a name we can reach. */
    private static boolean endsInsideName(String text, int end) {
        return end < text.length() && "${%".indexOf(text.charAt(end)) >= 0;
    }

    /** Percent-decoding as URL user info is decoded; text with a stray {@code %} is taken as written. */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (cp != '%') {
                out.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            } else if (i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            } else {
                return s;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** The port written, or this scheme's default. */
    public int portOr(int defaultPort) {
        return port >= 0 ? port : defaultPort;
    }

    @Override
    public String toString() {
        return scheme + "://" + (user.isEmpty() ? "" : user + "@") + host + (port >= 0 ? ":" + port : "") + path;
    }
}
