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

    public static Verification judge(List<Credential> places, String secretHash, MigrationRunner.Verifying verifying)
            throws InterruptedException {
        Verification dead = null;
        Verification unknown = null;
        for (Credential c : places) {
            Verification v = verifying.verify(c, secretHash);
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
