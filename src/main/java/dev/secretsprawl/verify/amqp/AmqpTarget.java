package dev.secretsprawl.verify.amqp;

import dev.secretsprawl.verify.net.CredentialUrl;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker, virtual host and user of an {@code amqp[s]://user:password@host:port/vhost} URL, read as the
 * RabbitMQ URI specification says: user, password and vhost percent-decoded, ports 5672 and 5671 by default,
 * the vhost {@code /} when the path is empty. Or the same parts written as settings beside a password set as
 * {@code RABBITMQ_PASSWORD=...} or {@code spring.rabbitmq.password: ...}.
 */
public record AmqpTarget(String host, int port, boolean tls, String user, String password, String vhost) {
    private static final Set<String> SCHEMES = Set.of("amqp", "amqps");
    private static final String PREFIX = "\\b(?:rabbit(?:mq)?|amqp)[._-]?";
    private static final Pattern PASSWORD_KEY = Pattern.compile("(?i)\\b(?:rabbit(?:mq)?|amqp)[\\w.-]{0,20}?pass(?:word|wd)?\\b[\"']?\\s*[:=]");
    private static final Pattern SETTING = Pattern.compile("(?im)" + PREFIX
            + "(host|hostname|port|user|username|vhost|virtual[_-]?host)[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;]+)");
    private static final Pattern TLS = Pattern.compile("(?i)" + PREFIX + "ssl[._-]enabled[\"']?\\s*[:=]\\s*[\"']?true");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252}[A-Za-z0-9_])?");

    public static Optional<AmqpTarget> find(String text, String rawSecret) {
        Optional<AmqpTarget> url = CredentialUrl.find(text, rawSecret, SCHEMES).map(AmqpTarget::of);
        return url.isPresent() || !passwordSetting(text, rawSecret) ? url : fromSettings(text, rawSecret);
    }

    private static boolean passwordSetting(String text, String secret) {
        return text.lines().anyMatch(l -> {
            int at = l.indexOf(secret);
            return at > 0 && PASSWORD_KEY.matcher(l.substring(0, at)).find();
        });
    }

    /** Host and user must both be written: a broker's own {@code RABBITMQ_DEFAULT_PASS} names neither. */
    private static Optional<AmqpTarget> fromSettings(String text, String secret) {
        Optional<String> host = setting(text, "host", "hostname").filter(h -> HOST.matcher(h).matches());
        Optional<String> user = setting(text, "user", "username");
        boolean tls = TLS.matcher(text).find();
        String port = setting(text, "port").orElse(tls ? "5671" : "5672");
        if (host.isEmpty() || user.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            return Optional.empty();
        }
        String vhost = setting(text, "vhost", "virtual-host", "virtual_host", "virtualhost").orElse("/");
        return Optional.of(new AmqpTarget(host.get(), Integer.parseInt(port), tls, user.get(), secret, vhost));
    }

    private static Optional<String> setting(String text, String... keys) {
        Matcher m = SETTING.matcher(text);
        while (m.find()) {
            for (String key : keys) {
                if (m.group(1).equalsIgnoreCase(key)) {
                    return Optional.of(m.group(2));
                }
            }
        }
        return Optional.empty();
    }

    private static AmqpTarget of(CredentialUrl u) {
        boolean tls = "amqps".equals(u.scheme());
        String path = u.path().isEmpty() ? "" : u.path().substring(1);
        String vhost = path.isEmpty() ? "/" : CredentialUrl.decode(path);
        return new AmqpTarget(u.host(), u.portOr(tls ? 5671 : 5672), tls, u.user(), u.password(), vhost);
    }

    public String address() {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return (tls ? "amqps://" : "amqp://") + user + "@" + address() + " vhost " + vhost;
    }
}
