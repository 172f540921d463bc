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
 */
record WrittenUrl(String subprotocol, Optional<DatabaseKind> kind, String host, OptionalInt port,
                  Optional<String> user, Optional<String> database, Optional<String> password, int line) {
}
