package dev.secretsprawl.migrate.store;

import dev.secretsprawl.scan.Secret;

import java.util.Optional;

/**
 * One key's current version in a store. {@code value} is empty for write-only stores; {@code toString()}
 * never shows it, because {@link Secret} redacts itself.
 */
public record StoredValue(int version, Optional<Secret> value) {
    public StoredValue {
        value = value == null ? Optional.empty() : value;
    }
}
