package dev.secretsprawl.migrate;

import dev.secretsprawl.migrate.plan.MigrationPlan;
import dev.secretsprawl.migrate.plan.MigrationPlan.Consumer;
import dev.secretsprawl.migrate.plan.MigrationPlan.PlannedCredential;
import dev.secretsprawl.migrate.rewrite.Rewriter;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a planned credential's legacy value and the text around each of its consumers, before and after
 * the files were rewritten: in the working tree while the value is still there, else in the plan's commit,
 * else with the reference put back (the verifiers need the host and user written next to a password).
 */
final class LegacyValues {
    private static final int CONTEXT_LINES = 12;

    private final MigrationPlan plan;
    private final Detector detector;
    private final TextFiles files;
    private final java.util.function.Function<String, Optional<Rewriter>> rewriters;

    LegacyValues(MigrationPlan plan, Detector detector, TextFiles files,
                 java.util.function.Function<String, Optional<Rewriter>> rewriters) {
        this.plan = plan;
        this.detector = detector;
        this.files = files;
        this.rewriters = rewriters;
    }

    /** The findings of PC's value in TEXT (PATH's current or past content). */
    List<Finding> occurrences(PlannedCredential pc, String path, String text) {
        return detector.detect(Fragment.of(text, path)).stream()
                .filter(f -> f.secretHash().equals(pc.secretHash())).toList();
    }

    /** The legacy value as the files hold (or held) it. */
    Optional<Secret> fromFiles(PlannedCredential pc) throws IOException {
        for (String commit : commits()) {
            for (Consumer c : pc.consumers()) {
                Optional<String> text = files.read(c.path(), commit);
                if (text.isPresent()) {
                    List<Finding> found = occurrences(pc, c.path(), text.get());
                    if (!found.isEmpty()) {
                        return Optional.of(found.get(0).secret());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the plan's commit still shows the legacy value once the working tree is rewritten. */
    boolean inCommit(PlannedCredential pc) throws IOException {
        if (plan.commit() == null || plan.commit().isEmpty()) {
            return false;
        }
        for (Consumer c : pc.consumers()) {
            Optional<String> text = files.read(c.path(), plan.commit());
            if (text.isPresent() && !occurrences(pc, c.path(), text.get()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The credential as it is (or was) written at each consumer, with VALUE in its text, best context first. */
    List<Credential> credentials(PlannedCredential pc, Secret value) throws IOException {
        List<Credential> out = new ArrayList<>();
        for (Consumer c : pc.consumers()) {
            Optional<Placed> placed = textWithValue(pc, c, value);
            placed.ifPresent(p -> out.add(new Credential(pc.issuer(), c.ruleId(), value,
                    new Secret(around(p.text(), p.line())), c.path())));
        }
        return out;
    }

    /** A file's text holding the value, and the line it is on there (the plan's line may have moved since). */
    private record Placed(String text, int line) {
    }

    /**
     * The same credential with NEXT instead of its legacy value at its consumer's spot only: the same text may also
     * stand nearby as something else (a user name equal to the password), which must stay as it is.
     */
    Credential withValue(PlannedCredential pc, Credential legacy, Secret next) {
        String old = legacy.secret().reveal();
        String[] lines = legacy.context().reveal().split("\n", -1);
        Optional<Consumer> consumer = pc.consumers().stream().filter(c -> c.path().equals(legacy.path())).findFirst();
        int col = consumer.map(c -> c.column() - 1).orElse(-1);
        int centre = consumer.map(c -> Math.min(c.line() - 1, CONTEXT_LINES)).orElse(0);
        // the line with the value at the consumer's column, else any line with it, nearest the consumer's line
        int i = -1;
        int score = Integer.MAX_VALUE;
        for (int j = 0; j < lines.length; j++) {
            int s = !lines[j].contains(old) ? Integer.MAX_VALUE
                    : (col >= 0 && lines[j].startsWith(old, col) ? 0 : 1000) + Math.abs(j - centre);
            if (s < score) {
                score = s;
                i = j;
            }
        }
        if (i < 0) {
            return withValue(legacy, next);
        }
        lines[i] = col >= 0 && lines[i].startsWith(old, col)
                ? lines[i].substring(0, col) + next.reveal() + lines[i].substring(col + old.length())
                : lines[i].replace(old, next.reveal());
        return new Credential(legacy.issuer(), legacy.ruleId(), next, new Secret(String.join("\n", lines)), legacy.path());
    }

    /** The same credential with NEXT instead of every occurrence of its legacy value, in the same surroundings. */
    static Credential withValue(Credential legacy, Secret next) {
        String context = legacy.context().reveal().replace(legacy.secret().reveal(), next.reveal());
        return new Credential(legacy.issuer(), legacy.ruleId(), next, new Secret(context), legacy.path());
    }

    private Optional<Placed> textWithValue(PlannedCredential pc, Consumer c, Secret value) throws IOException {
        Optional<String> now = files.read(c.path(), null);
        // found as this credential, not merely as equal text (a user name equal to the password stays after rewriting)
        Optional<Placed> found = now.flatMap(t -> nearest(pc, c, t));
        if (found.isPresent()) {
            return found;
        }
        if (plan.commit() != null && !plan.commit().isEmpty()) {
            found = files.read(c.path(), plan.commit()).flatMap(t -> nearest(pc, c, t));
            if (found.isPresent()) {
                return found;
            }
        }
        String reference = rewriters.apply(c.path()).map(r -> r.reference(pc.name())).orElse(c.reference());
        return now.flatMap(t -> restored(t, c.line(), reference, value));
    }

    /** The occurrence of PC's value in TEXT nearest the consumer's planned line (lines move when a file is edited). */
    private Optional<Placed> nearest(PlannedCredential pc, Consumer c, String text) {
        return occurrences(pc, c.path(), text).stream().map(f -> f.location().startLine())
                .min(java.util.Comparator.comparingInt(l -> Math.abs(l - c.line())))
                .map(l -> new Placed(text, l));
    }

    /** Puts the value back where the rewriter put the reference: the line holding it nearest the consumer's. */
    private static Optional<Placed> restored(String text, int line, String reference, Secret value) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        String[] lines = text.split("\n", -1);
        int best = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(reference) && (best < 0 || Math.abs(i - (line - 1)) < Math.abs(best - (line - 1)))) {
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        lines[best] = lines[best].replace(reference, value.reveal());
        return Optional.of(new Placed(String.join("\n", lines), best + 1));
    }

    private List<String> commits() {
        List<String> commits = new ArrayList<>();
        commits.add(null);
        if (plan.commit() != null && !plan.commit().isEmpty()) {
            commits.add(plan.commit());
        }
        return commits;
    }

    static String around(String text, int line) {
        String[] lines = text.split("\n", -1);
        int from = Math.max(0, line - 1 - CONTEXT_LINES);
        int to = Math.min(lines.length, line + CONTEXT_LINES);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, to));
    }
}
