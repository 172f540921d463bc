package dev.secretsprawl.verify.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Jenkins URL and user written next to a Jenkins API token: in a {@code https://user:token@host} URL, in
 * {@code jenkins-cli -s URL -auth user:token}, or in Jenkins-named settings ({@code JENKINS_URL}, {@code JENKINS_USER},
 * {@code <jenkins.url>}). Only URLs the text ties to Jenkins count: a token is never sent to any other URL nearby.
 */
final class JenkinsNeighbours {
    /** Where a Jenkins answers: its base URL (with any context path) and the token's user. */
    record Target(URI base, String user) {
    }

    /**
     * A user read next to the token; {@code stated} when the text gives it as the token's own (the URL's userinfo,
     * {@code -auth user:token}, {@code --username}, {@code JENKINS_USER(NAME)}) rather than a looser setting.
     */
    record User(String name, boolean stated) {
    }

    private static final Pattern STATED_SETTING = Pattern.compile("(?i)jenkins[_.-]?user(?:name)?");

    private static final String SEP = "[\"']?\\s*(?:=>|[:=>])\\s*[\"']?";
    private static final Pattern URL_SETTING = Pattern.compile(
            "(?i)jenkins[\\w.-]{0,20}?(?:url|host|server|address|endpoint)\\w*" + SEP + "(https?://[^\\s'\"<>]+)");
    private static final Pattern URL_FLAG = Pattern.compile("(?i)(?:^|\\s)(?:-s|--url|--server)[\\s=]+[\"']?(https?://[^\\s'\"<>]+)");
    private static final Pattern USER_SETTING = Pattern.compile(
            "(?i)(jenkins[\\w.-]{0,20}?(?:user(?:name)?|login|user[_-]?id)\\w*)" + SEP + "([\\w.@+-]{1,64})");
    private static final Pattern USER_FLAG = Pattern.compile("(?i)(?:^|\\s)--?(?:user(?:name)?)[\\s=]+[\"']?([\\w.@+-]{1,64})");
    /** Pages below a Jenkins base URL that a URL next to a token often points at. */
    private static final Pattern JENKINS_PAGE = Pattern.compile(
            "/(?:job|view|computer|api|cli|user|manage|me|whoAmI|queue|crumbIssuer|script|blue|login|descriptorByName)(?:/.*)?$");

    private JenkinsNeighbours() {
    }

    static Optional<Target> find(String context, String token) {
        return url(context, token).flatMap(u -> user(context, token).map(name -> new Target(u, name)));
    }

    /** The Jenkins base URL next to the token, if the text names one. */
    static Optional<URI> url(String context, String token) {
        Matcher inUrl = tokenInUrl(context, token);
        if (inUrl.find()) {
            return base(inUrl.group(1) + "://" + inUrl.group(3));
        }
        int at = Math.max(0, context.indexOf(token));
        // the command holding the token (jenkins-cli -s URL -auth user:token) first, then the nearest setting
        return nearest(URL_FLAG, context, at, 1, m -> sameLine(context, m.start(), at) && onJenkinsLine(context, m))
                .or(() -> nearest(URL_SETTING, context, at, 1, m -> true))
                .or(() -> nearest(URL_FLAG, context, at, 1, m -> onJenkinsLine(context, m)))
                .flatMap(JenkinsNeighbours::base);
    }

    /** The user the token belongs to, if the text names one. */
    static Optional<String> user(String context, String token) {
        return namedUser(context, token).map(User::name);
    }

    /** The user the token belongs to and how surely the text says so. */
    static Optional<User> namedUser(String context, String token) {
        Matcher inUrl = tokenInUrl(context, token);
        if (inUrl.find()) {
            return Optional.of(new User(URLDecoder.decode(inUrl.group(2), StandardCharsets.UTF_8), true));
        }
        Matcher auth = Pattern.compile("-auth\\s+[\"']?([^\\s:'\"]{1,64}):" + Pattern.quote(token)).matcher(context);
        if (auth.find()) {
            return Optional.of(new User(auth.group(1), true));
        }
        int at = Math.max(0, context.indexOf(token));
        return nearest(USER_SETTING, context, at, m -> !m.group(1).toLowerCase(Locale.ROOT).matches(".*(token|pass|secret|key).*"))
                .map(m -> new User(m.group(2), STATED_SETTING.matcher(m.group(1)).matches()))
                .or(() -> nearest(USER_FLAG, context, at, m -> onJenkinsLine(context, m))
                        .map(m -> new User(m.group(1), m.group().toLowerCase(Locale.ROOT).contains("--username"))));
    }

    private static Matcher tokenInUrl(String context, String token) {
        return Pattern.compile("(https?)://([^\\s:/@'\"]{1,64}):" + Pattern.quote(token) + "@([^\\s'\"<>]+)").matcher(context);
    }

    private static boolean sameLine(String text, int a, int b) {
        return text.substring(Math.min(a, b), Math.max(a, b)).indexOf('\n') < 0;
    }

    /** Flags like -s and --url belong to many tools: only a line that names Jenkins ties them to it. */
    private static boolean onJenkinsLine(String text, Matcher m) {
        int start = text.lastIndexOf('\n', m.start()) + 1;
        int end = text.indexOf('\n', m.start());
        return text.substring(start, end < 0 ? text.length() : end).toLowerCase(Locale.ROOT).contains("jenkins");
    }

    private static Optional<String> nearest(Pattern pattern, String text, int at, int group, Predicate<Matcher> keep) {
        return nearest(pattern, text, at, keep).map(m -> m.group(group));
    }

    private static Optional<MatchResult> nearest(Pattern pattern, String text, int at, Predicate<Matcher> keep) {
        Matcher m = pattern.matcher(text);
        MatchResult best = null;
        int distance = Integer.MAX_VALUE;
        while (m.find()) {
            if (keep.test(m) && Math.abs(m.start() - at) < distance) {
                distance = Math.abs(m.start() - at);
                best = m.toMatchResult();
            }
        }
        return Optional.ofNullable(best);
    }

    /** scheme://host[:port][/context-path], without credentials, query or the Jenkins page it pointed at. */
    private static Optional<URI> base(String url) {
        try {
            URI uri = new URI(url.replaceAll("[),;.]+$", ""));
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null ? "" : JENKINS_PAGE.matcher(uri.getRawPath()).replaceFirst("");
            path = path.replaceAll("/+$", "");
            return Optional.of(new URI(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                    + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
