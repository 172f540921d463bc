package dev.secretsprawl.migrate.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.scan.Secret;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded default store: one JSON file whose values are each sealed with AES-256-GCM (a fresh 96-bit
 * nonce per value, the key and version as associated data, so a value moved to another key fails to open).
 * Metadata stays readable; values never are without the key. Every version is kept, like Vault KV v2, so the
 * legacy value of a rotated credential can still be proven dead. Writes go through a lock file and an
 * atomic rename, so a crash leaves the old file or the new one, never half of one.
 */
public final class LocalFileStore implements SecretStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final StoreKey key;

    public LocalFileStore(Path file, StoreKey key) {
        this.file = file.toAbsolutePath().normalize();
        this.key = key;
    }

    /** Opens {@code file://PATH} destinations; a relative PATH is relative to the working directory. */
    public static final class Factory implements StoreFactory {
        @Override
        public String scheme() {
            return "file";
        }

        @Override
        public SecretStore open(Destination destination, Map<String, String> env) throws IOException {
            return new LocalFileStore(pathOf(destination, env), StoreKey.fromEnvironment(env));
        }
    }

    /** {@code file:///abs/store.json}, {@code file://relative/store.json}, or the default store when PATH is empty. */
    static Path pathOf(Destination destination, Map<String, String> env) {
        String authority = destination.uri().getRawAuthority();
        String path = destination.uri().getPath() == null ? "" : destination.uri().getPath();
        String whole = (authority == null ? "" : authority) + path;
        if (whole.isEmpty() || "/".equals(whole)) {
            return StoreKey.home(env).resolve("store.json");
        }
        return Path.of(whole);
    }

    @Override
    public String describe() {
        return "file://" + file;
    }

    @Override
    public boolean readable() {
        return true;
    }

    @Override
    public String locate(String key) {
        return "key '" + key + "' of the local store " + file;
    }

    @Override
    public Optional<StoredValue> current(String k) throws IOException {
        ArrayNode versions = versions(read(), k);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        JsonNode last = versions.get(versions.size() - 1);
        int v = last.get("version").asInt();
        return Optional.of(new StoredValue(v, Optional.of(open(k, v, last))));
    }

    @Override
    public Optional<Secret> version(String k, int version) throws IOException {
        ArrayNode versions = versions(read(), k);
        if (versions == null) {
            return Optional.empty();
        }
        for (JsonNode n : versions) {
            if (n.get("version").asInt() == version) {
                return Optional.of(open(k, version, n));
            }
        }
        return Optional.empty();
    }

    @Override
    public int write(String k, Secret value, StoreMetadata metadata, int expectedVersion) throws IOException {
        Files.createDirectories(file.getParent());
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            ObjectNode root = read();
            ObjectNode entries = (ObjectNode) root.get("entries");
            ArrayNode versions = versions(root, k);
            int found = versions == null || versions.isEmpty() ? 0
                    : versions.get(versions.size() - 1).get("version").asInt();
            if (found != expectedVersion) {
                throw new StoreConflictException(k, expectedVersion, found);
            }
            if (versions == null) {
                versions = entries.putArray(k);
            }
            int next = found + 1;
            ObjectNode entry = versions.addObject();
            entry.put("version", next);
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            entry.put("nonce", Base64.getEncoder().encodeToString(nonce));
            entry.put("sealed", Base64.getEncoder().encodeToString(
                    crypt(Cipher.ENCRYPT_MODE, k, next, nonce, value.reveal().getBytes(StandardCharsets.UTF_8))));
            ObjectNode meta = entry.putObject("metadata");
            metadata.asMap().forEach(meta::put);
            save(root);
            return next;
        }
    }

    private Secret open(String k, int version, JsonNode entry) throws StoreException {
        byte[] nonce = Base64.getDecoder().decode(entry.get("nonce").asText());
        byte[] sealed = Base64.getDecoder().decode(entry.get("sealed").asText());
        return new Secret(new String(crypt(Cipher.DECRYPT_MODE, k, version, nonce, sealed), StandardCharsets.UTF_8));
    }

    private byte[] crypt(int mode, String k, int version, byte[] nonce, byte[] input) throws StoreException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD((k + "\u0000" + version).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new StoreException("the local store " + file + " cannot be opened with this key (" + key.origin()
                    + "): set " + StoreKey.ENV + " or use the key file it was created with");
        } catch (GeneralSecurityException e) {
            throw new StoreException("AES-GCM is not available in this JVM: " + e.getClass().getSimpleName());
        }
    }

    private static ArrayNode versions(ObjectNode root, String k) {
        JsonNode n = root.get("entries").get(k);
        return n instanceof ArrayNode a ? a : null;
    }

    private ObjectNode read() throws IOException {
        if (!Files.exists(file)) {
            ObjectNode root = JSON.createObjectNode();
            root.put("format", "secret-sprawl-store/1");
            root.putObject("entries");
            return root;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n instanceof ObjectNode o && o.get("entries") instanceof ObjectNode) {
                return o;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // fall through: a damaged file is reported without its content
        }
        throw new StoreException("the local store " + file + " is not a Secret Sprawl store file; restore it from a backup");
    }

    private void save(ObjectNode root) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
