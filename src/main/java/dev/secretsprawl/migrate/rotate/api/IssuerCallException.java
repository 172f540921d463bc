package dev.secretsprawl.migrate.rotate.api;

import java.io.IOException;

/** An issuer refused or failed a rotate or revoke call. The message says what to do next and holds no credential. */
public final class IssuerCallException extends IOException {
    public IssuerCallException(String message) {
        super(message);
    }
}
