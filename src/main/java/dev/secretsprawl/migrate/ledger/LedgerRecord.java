package dev.secretsprawl.migrate.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the ledger: which step of which credential of which migration happened when, with facts
 * about it (versions, counts, reasons; never a value), chained to the line before by {@code prev} and
 * sealed by {@code hash}.
 */
public record LedgerRecord(long seq, Instant at, String migration, String credential, Step step,
                           Map<String, Object> data, String prev, String hash) {
    public LedgerRecord {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public String text(String key) {
        Object v = data.get(key);
        return v == null ? "" : v.toString();
    }

    public int number(String key) {
        Object v = data.get(key);
        return v instanceof Number n ? n.intValue() : v == null ? 0 : Integer.parseInt(v.toString());
    }
}
