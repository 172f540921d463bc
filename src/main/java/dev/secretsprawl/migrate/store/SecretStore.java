package dev.secretsprawl.migrate.store;

import dev.secretsprawl.scan.Secret;

import java.io.IOException;
import java.util.Optional;

/**
 * Where migrated credentials go: Vault KV v2, GitHub Actions secrets, GitLab CI/CD variables, the local
 * encrypted file. Keys are the plan's credential names; each write makes a new version. Implementations never
 * put a value in an exception message, a log line or a request they print.
 */
public interface SecretStore extends AutoCloseable {

    /** The destination as the user would write it, without any credential ({@code vault://host:8200/secret/ci}). */
    String describe();

    /** True when values can be read back (Vault, the file store); false for write-only stores (GitHub). */
    boolean readable();

    /**
     * What the store holds at KEY now: its version and, for a readable store, its value. Empty when KEY
     * does not exist (or was deleted/destroyed).
     */
    Optional<StoredValue> current(String key) throws IOException, InterruptedException;

    /** The value of one earlier version, for a readable store; empty when unknown, deleted or not readable. */
    Optional<Secret> version(String key, int version) throws IOException, InterruptedException;

    /**
     * Writes VALUE as a new version of KEY if the current version is EXPECTED_VERSION (0: KEY must not exist
     * yet); otherwise throws {@link StoreConflictException} and writes nothing. Stores that cannot compare and
     * set (GitHub, GitLab) check before writing and say so in {@link #describe()}'s documentation. Returns the
     * version written (write-only stores count their own writes from 1).
     */
    int write(String key, Secret value, StoreMetadata metadata, int expectedVersion)
            throws IOException, InterruptedException;

    /** Where a consumer's pipeline finds KEY, for the plan and the runbook (a Vault path, a secret name). */
    String locate(String key);

    @Override
    default void close() throws IOException {
    }
}
