package dev.secretsprawl.migrate.ledger;

import java.util.Locale;

/**
 * The steps of one credential's migration, in order (DESIGN.md §5). {@link #FAILED} records a step that
 * could not finish, with its reason, and {@link #REISSUE_TASK} a credential that stays live until its owner
 * re-issues it.
 */
public enum Step {
    PLANNED, STORED, VALIDATED, REWRITTEN, ROTATION_STAGED, ROTATED, REVOKED, VERIFIED, CLOSED, REISSUE_TASK, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Step of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
