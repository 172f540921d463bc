package dev.secretsprawl.gate;

/**
 * One line of the gate's table: a migrated credential's state or a problem, where it is, and whether it
 * fails the build, only warns (before the cutover) or passes.
 *
 * @param path empty when the row is not about a place in the code
 */
public record GateRow(Kind kind, Verdict verdict, String credential, String path, int line, String detail) {
    public enum Kind {
        LEGACY_DEAD("legacy-dead", "the legacy value is dead"),
        LEGACY_LIVE("legacy-live", "a migrated credential's legacy value still authenticates"),
        LEGACY_UNPROVEN("legacy-unproven", "a migrated credential's legacy value could not be proven dead"),
        LEGACY_IN_CODE("legacy-in-code", "a migrated credential's legacy value is still in the code"),
        UNMIGRATED("unmigrated-finding", "a finding is neither migrated nor baselined"),
        LEDGER_BROKEN("ledger-broken", "the migration ledger was changed by hand");

        private final String id;
        private final String description;

        Kind(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }
    }

    public enum Verdict {
        PASS, WARN, FAIL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String where() {
        return path.isEmpty() ? "" : path + (line > 0 ? ":" + line : "");
    }
}
