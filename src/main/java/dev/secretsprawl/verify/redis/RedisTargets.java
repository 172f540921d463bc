package dev.secretsprawl.verify.redis;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.net.CredentialUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the server a Redis password belongs to in the lines around it: the {@code redis://} URL that holds
 * it, or the {@code -h}/{@code -p}/{@code --user} options of the {@code redis-cli} command that passes it,
 * or {@code REDIS_HOST}/{@code REDIS_PORT} settings written beside it (for the command, or for a password
 * written as {@code REDIS_PASSWORD=...}).
 */
public final class RedisTargets {
    private static final Set<String> SCHEMES = Set.of("redis", "rediss");
    private static final Pattern HOST = Pattern.compile("\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252}[A-Za-z0-9_])?");
    /** {@code REDIS_HOST=...}, {@code spring.data.redis.port: ...}, {@code redis_user = "..."}. */
    private static final Pattern SETTING = Pattern.compile("(?im)\\bredis[._-]?(host|hostname|port|user|username)[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;]+)");
    /** The key a Redis password is written under: {@code REDIS_PASSWORD}, {@code spring.redis.password}, {@code redis_pass}. */
    private static final Pattern PASSWORD_KEY = Pattern.compile("(?i)\\bredis[\\w.-]{0,20}?(?:pass(?:word|wd)?|auth)\\b[\"']?\\s*[:=]");

    private RedisTargets() {
    }

    public static Optional<RedisTarget> of(Credential credential) {
        String text = credential.context().reveal();
        String secret = credential.secret().reveal();
        Optional<CredentialUrl> url = CredentialUrl.find(text, secret, SCHEMES);
        if (url.isPresent()) {
            return url.map(RedisTargets::fromUrl);
        }
        Optional<String> cli = cliLine(text, secret);
        if (cli.isPresent()) {
            return fromCli(cli.get(), text, secret);
        }
        return passwordSetting(text, secret) ? fromSettings(text, secret) : Optional.empty();
    }

    /** A password written as a Redis setting ({@code REDIS_PASSWORD=...}) next to the host's setting. */
    private static boolean passwordSetting(String text, String secret) {
        return text.lines().anyMatch(l -> {
            int at = l.indexOf(secret);
            return at > 0 && PASSWORD_KEY.matcher(l.substring(0, at)).find();
        });
    }

    private static Optional<RedisTarget> fromSettings(String text, String secret) {
        return target(setting(text, "HOST").or(() -> setting(text, "HOSTNAME")).orElse(null),
                setting(text, "PORT").orElse(String.valueOf(RedisTarget.DEFAULT_PORT)),
                setting(text, "USER").or(() -> setting(text, "USERNAME")).orElse(""), false, secret);
    }

    private static Optional<RedisTarget> target(String host, String port, String user, boolean tls, String secret) {
        if (host == null || !HOST.matcher(host).matches() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            return Optional.empty();
        }
        return Optional.of(new RedisTarget(host, Integer.parseInt(port), tls, user, secret));
    }

    private static RedisTarget fromUrl(CredentialUrl u) {
        return new RedisTarget(u.host(), u.portOr(RedisTarget.DEFAULT_PORT), "rediss".equals(u.scheme()), u.user(), u.password());
    }

    private static Optional<String> cliLine(String text, String secret) {
        return text.lines().filter(l -> l.contains("redis-cli") && l.contains(secret)).findFirst();
    }

    /** {@code redis-cli [-h host] [-p port] [--user u] [--tls] [-u redis://host:port] (-a|--pass) secret}. */
    private static Optional<RedisTarget> fromCli(String line, String text, String secret) {
        List<String> words = words(line);
        String host = option(words, "-h").orElse(null);
        String port = option(words, "-p").orElse(null);
        String user = option(words, "--user").orElse("");
        Optional<String> uri = option(words, "-u").or(() -> option(words, "--uri"));
        if (uri.isPresent()) {
            Matcher m = Pattern.compile("(?i)^rediss?://(?:[^@/]*@)?([^/:]+|\\[[^]]+])(?::(\\d+))?").matcher(uri.get());
            if (m.find()) {
                host = host == null ? m.group(1) : host;
                port = port == null ? m.group(2) : port;
            }
        }
        host = host != null ? host : setting(text, "HOST").or(() -> setting(text, "HOSTNAME")).orElse(null);
        port = port != null ? port : setting(text, "PORT").orElse(String.valueOf(RedisTarget.DEFAULT_PORT));
        user = !user.isEmpty() ? user : setting(text, "USER").or(() -> setting(text, "USERNAME")).orElse("");
        boolean tls = words.contains("--tls") || uri.map(u -> u.regionMatches(true, 0, "rediss:", 0, 7)).orElse(false);
        return target(host, port, user, tls, secret);
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String w : line.trim().split("[ \\t]+")) {
            words.add(w.replaceAll("^[\"']|[\"']$", ""));
        }
        return words;
    }

    private static Optional<String> option(List<String> words, String name) {
        int i = words.indexOf(name);
        return i >= 0 && i + 1 < words.size() ? Optional.of(words.get(i + 1)) : Optional.empty();
    }

    private static Optional<String> setting(String text, String key) {
        Matcher m = SETTING.matcher(text);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(key)) {
                return Optional.of(m.group(2));
            }
        }
        return Optional.empty();
    }
}
