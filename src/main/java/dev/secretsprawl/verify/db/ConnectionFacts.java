package dev.secretsprawl.verify.db;

import dev.secretsprawl.scan.Secret;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a database password logs in, as written next to it: the server kind, host, port, user and
 * (optionally) database, and the password to send (percent-decoded when it came from a URI). The
 * password is a {@link Secret}, so printing these facts never shows it.
 *
 * @param doubt why a rejection would not prove the password wrong, if it would not: a host or user that was not
 *              written with the password (its URL, command line or config block) may be the wrong server or
 *              account; a JDBC URL's password may be read differently by the application's driver
 */
public record ConnectionFacts(DatabaseKind kind, String host, int port, String user, Optional<String> database,
                              Secret password, Optional<String> doubt) {
    public static final String NOT_PAIRED = "that user or host was not written with the password";
    static final String JDBC_ENCODING = "drivers differ in percent-decoding the password of a JDBC URL";

    public ConnectionFacts {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(host);
        Objects.requireNonNull(user);
        Objects.requireNonNull(password);
        database = database == null ? Optional.empty() : database;
        doubt = doubt == null ? Optional.empty() : doubt;
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
