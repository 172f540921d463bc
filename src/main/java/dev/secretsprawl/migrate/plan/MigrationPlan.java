package dev.secretsprawl.migrate.plan;

import java.util.List;

/**
 * What {@code migrate plan} proposes and {@code migrate apply} carries out: every credential found, where it
 * goes and who uses it. Holds keyed hashes and places, never a value, so it can be reviewed in a pull request.
 *
 * @param root   the migrated tree as given to {@code plan}, for {@code apply} run from the same directory
 * @param commit HEAD when the plan was made, if the tree is a git repository: legacy values stay readable there
 */
public record MigrationPlan(String format, String migrationId, String createdAt, String root, String commit,
                            String destination, String owner, List<PlannedCredential> credentials) {
    public static final String FORMAT = "secret-sprawl-plan/1";

    public MigrationPlan {
        credentials = List.copyOf(credentials);
    }

    /**
     * One credential: all occurrences of one value (one keyed hash).
     *
     * @param name      the credential's name in the store and in references ({@code DB_PASSWORD})
     * @param storeKey  the key it is stored under ({@code DB_PASSWORD}); {@code location} says where that is
     * @param rotation  how the legacy value gets replaced
     * @param revocation how the legacy value gets killed
     */
    public record PlannedCredential(String name, String secretHash, String issuer, String ruleId, String storeKey,
                                    String location, Handling rotation, Handling revocation, ReissueTask reissue,
                                    List<Consumer> consumers) {
        public PlannedCredential {
            consumers = List.copyOf(consumers);
        }
    }

    /**
     * @param mode   {@code automatic} (we do it), {@code by-rotation} (rotating already kills the legacy value),
     *               or {@code reissue} (a person must)
     * @param detail how, or why not, in a sentence
     */
    public record Handling(String mode, String detail) {
        public static final String AUTOMATIC = "automatic";
        public static final String BY_ROTATION = "by-rotation";
        public static final String REISSUE = "reissue";

        public boolean automatic() {
            return !REISSUE.equals(mode);
        }
    }

    /** Who re-issues a credential no API can rotate, and by when. */
    public record ReissueTask(String owner, String deadline, String reason) {
    }

    /**
     * One place that uses the credential.
     *
     * @param variable  the name this file gives the value, empty when it has none (inside a URL)
     * @param fileType  the rewriter's file type, or {@code manual} when no rewriter handles the file
     * @param reference what replaces the value there ({@code ${{ secrets.DB_PASSWORD }}}), empty for manual
     */
    public record Consumer(String path, int line, int column, int endLine, int endColumn, String ruleId,
                           String fingerprint, String variable, String fileType, String reference) {
        public boolean manual() {
            return reference == null || reference.isEmpty();
        }
    }

    public java.util.Optional<PlannedCredential> credential(String name) {
        return credentials.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
