package dev.secretsprawl.scan.accuracy;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.scan.accuracy.Corpus.CorpusFile;
import dev.secretsprawl.scan.accuracy.Corpus.Plant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the detector with the bundled rule pack over the planted corpus. Reports
 * locations, kinds, rule ids and previews only: never a planted or found value.
 */
class AccuracyTest {
    static final double MIN_PRECISION = 0.95;
    static final double MIN_RECALL = 0.95;

    /** The rule folder measured: {@code rules/} unless {@code -Daccuracy.rules=DIR} names another one. */
    private static final Path RULES = Path.of(System.getProperty("accuracy.rules", "rules"));

    private final Detector detector = new Detector(RuleLoader.fromDirectory(RULES), SecretHasher.defaultKey());

    /** What one corpus file contributed. */
    record FileResult(CorpusFile file, List<Plant> missed, List<Finding> truePositives, List<Finding> falsePositives) {
        int found() {
            return file.plants().size() - missed.size();
        }
    }

    @Test
    void shouldFindPlantedCredentialsWithHighPrecisionAndRecall() {
        List<CorpusFile> corpus = Corpus.load();
        dumpIfAsked(corpus);
        List<FileResult> results = corpus.stream().map(this::evaluate).toList();

        int plants = results.stream().mapToInt(r -> r.file().plants().size()).sum();
        int found = results.stream().mapToInt(FileResult::found).sum();
        int tp = results.stream().mapToInt(r -> r.truePositives().size()).sum();
        int fp = results.stream().mapToInt(r -> r.falsePositives().size()).sum();
        double precision = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
        double recall = plants == 0 ? 0.0 : (double) found / plants;

        System.out.println(report(results, plants, found, tp, fp, precision, recall));

        assertThat(plants).as("plants in the corpus").isPositive();
        assertThat(precision).as("precision = TP / (TP + FP) = %d / %d", tp, tp + fp).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall = found plants / plants = %d / %d", found, plants).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    /**
     * {@code -Daccuracy.dump=DIR} writes the filled corpus there (synthetic values only), so a rule author
     * can run the CLI on it or read what a missed plant looks like.
     */
    private static void dumpIfAsked(List<CorpusFile> corpus) {
        String dir = System.getProperty("accuracy.dump");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            for (CorpusFile file : corpus) {
                Path target = Path.of(dir).resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.text(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileResult evaluate(CorpusFile file) {
        List<Finding> findings = detector.detect(Fragment.of(file.text(), file.path()));
        List<Finding> tps = new ArrayList<>();
        List<Finding> fps = new ArrayList<>();
        for (Finding f : findings) {
            (file.plants().stream().anyMatch(p -> matches(f, p)) ? tps : fps).add(f);
        }
        List<Plant> missed = file.plants().stream().filter(p -> findings.stream().noneMatch(f -> matches(f, p))).toList();
        return new FileResult(file, missed, tps, fps);
    }

    /**
     * A finding matches a plant when it starts on one of the plant's lines and one value contains the
     * other, compared as generated (decoded) and as written, whitespace ignored (PEM line breaks and
     * the indentation of a YAML block scalar).
     */
    static boolean matches(Finding finding, Plant plant) {
        int line = finding.location().startLine();
        if (line < plant.line() || line > plant.endLine()) {
            return false;
        }
        String found = squeeze(finding.secret().reveal());
        if (found.isEmpty()) {
            return false;
        }
        for (String planted : List.of(squeeze(plant.value()), squeeze(plant.written()))) {
            if (planted.contains(found) || found.contains(planted)) {
                return true;
            }
        }
        return false;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "").replace("\\n", "");
    }

    private static String report(List<FileResult> results, int plants, int found, int tp, int fp,
                                 double precision, double recall) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Secret Sprawl accuracy corpus (seed ").append(Corpus.SEED).append(", rules ").append(RULES)
                .append(") ===\n");
        out.append(String.format(Locale.ROOT, "%-52s %6s %6s %4s%n", "file", "plants", "found", "FP"));
        for (FileResult r : results) {
            out.append(String.format(Locale.ROOT, "%-52s %6d %6d %4d%n", r.file().path(), r.file().plants().size(),
                    r.found(), r.falsePositives().size()));
        }
        out.append(String.format(Locale.ROOT, "%-52s %6d %6d %4d%n", "TOTAL", plants, found, fp));

        out.append("\n--- missed plants (file:line kind) ---\n");
        results.forEach(r -> r.missed().forEach(p ->
                out.append("  ").append(p.file()).append(':').append(p.line()).append(' ').append(p.label()).append('\n')));

        out.append("\n--- false positives (file:line rule preview) ---\n");
        results.forEach(r -> r.falsePositives().forEach(f ->
                out.append("  ").append(f.location().path()).append(':').append(f.location().startLine())
                        .append(' ').append(f.ruleId()).append(' ').append(f.preview())
                        .append(f.decodedFrom() == null ? "" : " (decoded: " + f.decodedFrom() + ")").append('\n')));

        out.append(String.format(Locale.ROOT, "%nTP %d, FP %d, plants %d, found %d%n", tp, fp, plants, found));
        out.append(String.format(Locale.ROOT, "precision %.3f (goal %.2f)   recall %.3f (goal %.2f)%n",
                precision, MIN_PRECISION, recall, MIN_RECALL));
        return out.toString();
    }
}
