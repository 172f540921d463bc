package dev.secretsprawl.verify.db;

import dev.secretsprawl.scan.Secret;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a database password logs in, as written next to it: the server kind, host, port, user and
 * (optionally) database, and the password to send (percent-decoded when it came from a URI). The
 * password is a {@link Secret}, so printing these facts never shows it.
 */
public record ConnectionFacts(DatabaseKind kind, String host, int port, String user, Optional<String> database,
                              Secret password) {
    public ConnectionFacts {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(host);
        Objects.requireNonNull(user);
        Objects.requireNonNull(password);
        database = database == null ? Optional.empty() : database;
    }

    /** {@code host:port}, IPv6 hosts in brackets. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** What decides the answer besides the password: the same password on two servers is two checks. */
    public String scope() {
        return kind.scheme() + "://" + user + "@" + address();
    }

    /**
     * The facts, or why they could not be found. {@code problem} is written for a report: it never quotes the
     * password.
     */
    public record Lookup(Optional<ConnectionFacts> facts, String problem) {
        public static Lookup found(ConnectionFacts facts) {
            return new Lookup(Optional.of(facts), "");
        }

        public static Lookup missing(String problem) {
            return new Lookup(Optional.empty(), problem);
        }
    }
}
