package dev.secretsprawl.migrate.store;

import java.io.IOException;

/** A store refused or failed a request. The message says what to do next and never holds a value. */
public class StoreException extends IOException {
    public StoreException(String message) {
        super(message);
    }
}
