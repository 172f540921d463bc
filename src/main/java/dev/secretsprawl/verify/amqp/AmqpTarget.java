package dev.secretsprawl.verify.amqp;

import dev.secretsprawl.verify.net.CredentialUrl;

import java.util.Optional;
import java.util.Set;

/**
 * The broker, virtual host and user of an {@code amqp[s]://user:password@host:port/vhost} URL, read as the
 * RabbitMQ URI specification says: user, password and vhost percent-decoded, ports 5672 and 5671 by default,
 * the vhost {@code /} when the path is empty.
 */
record AmqpTarget(String host, int port, boolean tls, String user, String password, String vhost) {
    private static final Set<String> SCHEMES = Set.of("amqp", "amqps");

    static Optional<AmqpTarget> find(String text, String rawSecret) {
        return CredentialUrl.find(text, rawSecret, SCHEMES).map(AmqpTarget::of);
    }

    private static AmqpTarget of(CredentialUrl u) {
        boolean tls = "amqps".equals(u.scheme());
        String path = u.path().isEmpty() ? "" : u.path().substring(1);
        String vhost = path.isEmpty() ? "/" : CredentialUrl.decode(path);
        return new AmqpTarget(u.host(), u.portOr(tls ? 5671 : 5672), tls, u.user(), u.password(), vhost);
    }

    String address() {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return (tls ? "amqps://" : "amqp://") + user + "@" + address() + " vhost " + vhost;
    }
}
