package dev.secretsprawl.migrate.ledger;

import java.io.IOException;

/** The ledger's hash chain does not hold: a line was edited, removed, reordered or inserted by hand. */
public final class LedgerTamperedException extends IOException {
    private final long line;

    public LedgerTamperedException(java.nio.file.Path file, long line, String what) {
        super("the migration ledger " + file + " was changed by hand at line " + line + " (" + what
                + "); restore it from version control: its history is the migration's proof");
        this.line = line;
    }

    public long line() {
        return line;
    }
}
