package dev.secretsprawl.migrate.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a store keeps next to a migrated value (Vault KV v2 {@code custom_metadata}, a GitLab variable's
 * description): where it came from, never the value.
 *
 * @param source      the first place the legacy value was found ({@code repo/.env:3})
 * @param fingerprint the keyed hash of the legacy value, as the plan and ledger name it
 */
public record StoreMetadata(String source, String fingerprint, String owner, String migrationId, Instant migratedAt) {

    /** The fields by their documented names: source, fingerprint, owner, migration-id, migrated-at. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("fingerprint", fingerprint);
        m.put("owner", owner == null ? "" : owner);
        m.put("migration-id", migrationId);
        m.put("migrated-at", migratedAt.toString());
        return m;
    }
}
