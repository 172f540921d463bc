package dev.secretsprawl.migrate.store;

import dev.secretsprawl.scan.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileStoreTest {
    @TempDir
    Path dir;

    private static final StoreMetadata META = new StoreMetadata(".env:4", "ab12", "team-db", "m-1", Instant.parse("2026-11-30T00:00:00Z"));

    private static Secret randomSecret() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return new Secret("pw" + HexFormat.of().formatHex(b));
    }

    private SecretStore open() throws Exception {
        return Stores.open(Destination.parse("file://" + dir.resolve("store.json")), Map.of("SPRAWL_HOME", dir.toString()));
    }

    @Test
    void shouldKeepEveryVersionAndReadEachBack() throws Exception {
        Secret legacy = randomSecret();
        Secret next = randomSecret();
        try (SecretStore store = open()) {
            assertThat(store.write("DB_PASSWORD", legacy, META, 0)).isEqualTo(1);
            assertThat(store.write("DB_PASSWORD", next, META, 1)).isEqualTo(2);

            assertThat(store.current("DB_PASSWORD")).get().satisfies(v -> {
                assertThat(v.version()).isEqualTo(2);
                assertThat(v.value()).contains(next);
            });
            assertThat(store.version("DB_PASSWORD", 1)).contains(legacy);
            assertThat(store.current("OTHER")).isEmpty();
        }
    }

    @Test
    void shouldRefuseAWriteWhenSomeoneElseWroteFirst() throws Exception {
        try (SecretStore store = open()) {
            store.write("DB_PASSWORD", randomSecret(), META, 0);

            assertThatThrownBy(() -> store.write("DB_PASSWORD", randomSecret(), META, 0))
                    .isInstanceOf(StoreConflictException.class)
                    .satisfies(e -> assertThat(((StoreConflictException) e).foundVersion()).isEqualTo(1));
            assertThat(store.current("DB_PASSWORD").orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void shouldNeverHoldTheValueInClearAndKeepTheFilePrivate() throws Exception {
        Secret legacy = randomSecret();
        try (SecretStore store = open()) {
            store.write("DB_PASSWORD", legacy, META, 0);
        }
        String file = Files.readString(dir.resolve("store.json"));
        String raw = legacy.reveal();
        assertThat(file).doesNotContain(raw)
                .doesNotContain(Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)))
                .contains("\"migration-id\" : \"m-1\"").contains("\"owner\" : \"team-db\"");
        assertThat(Files.getPosixFilePermissions(dir.resolve("store.json"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("store.key"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void shouldRefuseToOpenWithAnotherKeyWithoutShowingEither() throws Exception {
        try (SecretStore store = open()) {
            store.write("DB_PASSWORD", randomSecret(), META, 0);
        }
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        String otherKey = Base64.getEncoder().encodeToString(other);
        SecretStore wrong = Stores.open(Destination.parse("file://" + dir.resolve("store.json")), Map.of("SPRAWL_STORE_KEY", otherKey));

        assertThatThrownBy(() -> wrong.current("DB_PASSWORD")).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be opened with this key").hasMessageNotContaining(otherKey);
    }

    @Test
    void shouldBindEachValueToItsKeySoSwappedEntriesFailToOpen() throws Exception {
        try (SecretStore store = open()) {
            store.write("A", randomSecret(), META, 0);
            store.write("B", randomSecret(), META, 0);
        }
        Path file = dir.resolve("store.json");
        String json = Files.readString(file).replace("\"A\"", "\"TMP\"").replace("\"B\"", "\"A\"").replace("\"TMP\"", "\"B\"");
        Files.writeString(file, json);

        try (SecretStore store = open()) {
            assertThatThrownBy(() -> store.current("A")).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void shouldRejectABadKeyInTheEnvironment() {
        assertThatThrownBy(() -> Stores.open(Destination.parse("file://" + dir.resolve("s.json")), Map.of("SPRAWL_STORE_KEY", "short")))
                .isInstanceOf(StoreException.class).hasMessageContaining("32 random bytes").hasMessageNotContaining("short");
    }

    @Test
    void shouldUseTheDefaultStoreForABareFileDestination() throws Exception {
        try (SecretStore store = Stores.open(Destination.parse("file://"), Map.of("SPRAWL_HOME", dir.toString()))) {
            assertThat(store.describe()).isEqualTo("file://" + dir.resolve("store.json"));
        }
    }

    @Test
    void shouldRefuseDestinationsWithCredentialsOrUnknownSchemes() {
        assertThatThrownBy(() -> Destination.parse("vault://user:pw@vault:8200/secret/ci"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not hold a credential")
                .hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> Destination.parse("s3://bucket/x")).hasMessageContaining("unknown destination");
        assertThat(Destination.parse("vault:///secret/ci/app").segments()).containsExactly("secret", "ci", "app");
    }
}
