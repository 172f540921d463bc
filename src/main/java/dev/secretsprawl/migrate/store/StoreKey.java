package dev.secretsprawl.migrate.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The local store's 256-bit key: from {@code SPRAWL_STORE_KEY} (base64) when set, else from the key file
 * {@code store.key} beside the default store (mode 0600), made on first use. {@link #origin()} says which,
 * for messages; nothing here ever prints the key.
 */
public record StoreKey(byte[] bytes, String origin) {
    public static final String ENV = "SPRAWL_STORE_KEY";

    @Override
    public String toString() {
        return "StoreKey[" + origin + "]";
    }

    public static StoreKey fromEnvironment(Map<String, String> env) throws IOException {
        String value = env.get(ENV);
        if (value != null && !value.isBlank()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(value.trim());
            } catch (IllegalArgumentException e) {
                bytes = new byte[0];
            }
            if (bytes.length != 32) {
                throw new StoreException(ENV + " must be 32 random bytes in base64 (openssl rand -base64 32)");
            }
            return new StoreKey(bytes, "from " + ENV);
        }
        return fromFile(home(env).resolve("store.key"));
    }

    static StoreKey fromFile(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            Files.createDirectories(keyFile.getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.CREATE_NEW);
                if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                }
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it first: read theirs
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(Files.readString(keyFile).trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new StoreException("the key file " + keyFile + " does not hold a 32-byte base64 key");
        }
        return new StoreKey(bytes, "key file " + keyFile);
    }

    /** {@code $SPRAWL_HOME}, else {@code $XDG_DATA_HOME/secret-sprawl}, else {@code ~/.local/share/secret-sprawl}. */
    static Path home(Map<String, String> env) {
        String own = env.get("SPRAWL_HOME");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "secret-sprawl");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "secret-sprawl");
    }
}
