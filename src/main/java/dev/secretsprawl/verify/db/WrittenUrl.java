package dev.secretsprawl.verify.db;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A database address as written in a file: a URI ({@code postgres://}, {@code mysql://}), a JDBC URL or a Go
 * MySQL DSN, split into its parts but not yet checked (the host may still be a placeholder).
 *
 * @param subprotocol the scheme or JDBC subprotocol as written ({@code postgresql}, {@code sqlserver})
 * @param kind        the server kind it means, empty for a JDBC subprotocol we have no check for
 * @param password    the password as written (percent-encoded where the URL encodes it)
 * @param line        0-based line of the text it was found on
 * @param encoding    how the password is written there
 */
record WrittenUrl(String subprotocol, Optional<DatabaseKind> kind, String host, OptionalInt port,
                  Optional<String> user, Optional<String> database, Optional<String> password, int line,
                  Encoding encoding) {
    /** How the password of an address is to be read. */
    enum Encoding {
        /** URI userinfo ({@code postgres://}, {@code mysql://}): percent-encoded, as RFC 3986 and libpq read it. */
        URI,
        /**
         * A JDBC URL: percent-encoded for pgjdbc (which also reads {@code +} as a space), taken literally by the
         * MariaDB driver; which one the application uses is not written, so a {@code %} or {@code +} leaves doubt.
         */
        JDBC,
        /** A Go MySQL DSN or a command line: taken literally (Go's MySQL driver does not percent-decode). */
        LITERAL
    }
}
