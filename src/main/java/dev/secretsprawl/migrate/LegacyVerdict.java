package dev.secretsprawl.migrate;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;

import java.util.List;

/**
 * One answer for a legacy value written in several places: live if any place's issuer accepts it, dead if
 * none does and at least one refuses it, else unknown. A place whose surroundings name no host (a workflow's
 * {@code env:} line) cannot speak for the value; the place that names its database can.
 */
public final class LegacyVerdict {
    private LegacyVerdict() {
    }

    /** The answer without the value it may quote (the gate's report is uploaded, the ledger committed). */
    private static Verification withheld(Verification v, Credential c) {
        String value = c.secret().reveal();
        return value.isEmpty() || !v.detail().contains(value) ? v
                : new Verification(v.status(), v.detail().replace(value, "[value withheld]"));
    }

    public static Verification judge(List<Credential> places, String secretHash, MigrationRunner.Verifying verifying)
            throws InterruptedException {
        Verification dead = null;
        Verification unknown = null;
        for (Credential c : places) {
            Verification v = withheld(verifying.verify(c, secretHash), c);
            switch (v.status()) {
                case LIVE -> {
                    return v;
                }
                case DEAD -> dead = dead == null ? v : dead;
                case UNKNOWN -> unknown = unknown == null ? v : unknown;
            }
        }
        if (dead != null) {
            return dead;
        }
        return unknown != null ? unknown : Verification.unknown("no place shows where the credential logs in");
    }
}
