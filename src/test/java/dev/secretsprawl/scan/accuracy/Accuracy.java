package dev.secretsprawl.scan.accuracy;

import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.accuracy.Corpus.CorpusFile;
import dev.secretsprawl.scan.accuracy.Corpus.Plant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classifies a detector's findings over a filled corpus against the corpus's plants, and reports the
 * result. Shared by every accuracy test so the tuned and the held-out corpus are measured the same way.
 * Reports locations, kinds, rule ids and previews only: never a planted or found value.
 */
final class Accuracy {

    /** What one corpus file contributed. */
    record FileResult(CorpusFile file, List<Plant> missed, List<Finding> truePositives, List<Finding> falsePositives) {
        int found() {
            return file.plants().size() - missed.size();
        }
    }

    /** The figures over a whole corpus. */
    record Result(List<FileResult> files, int plants, int found, int tp, int fp) {
        double precision() {
            return tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return plants == 0 ? 0.0 : (double) found / plants;
        }
    }

    private Accuracy() {
    }

    /** Runs {@code detector} over every file of {@code corpus} and classifies each finding and plant. */
    static Result measure(Detector detector, List<CorpusFile> corpus) {
        List<FileResult> results = corpus.stream().map(f -> evaluate(detector, f)).toList();
        int plants = results.stream().mapToInt(r -> r.file().plants().size()).sum();
        int found = results.stream().mapToInt(FileResult::found).sum();
        int tp = results.stream().mapToInt(r -> r.truePositives().size()).sum();
        int fp = results.stream().mapToInt(r -> r.falsePositives().size()).sum();
        return new Result(results, plants, found, tp, fp);
    }

    static FileResult evaluate(Detector detector, CorpusFile file) {
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

    /**
     * When the system property {@code property} names a directory, writes the filled corpus there
     * (synthetic values only), so a rule author can run the CLI on it or read what a missed plant looks like.
     */
    static void dumpIfAsked(List<CorpusFile> corpus, String property) {
        String dir = System.getProperty(property);
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

    /** The per-file table, the missed plants, the false positives and the figures against their goals. */
    static String report(String title, Result result, double minPrecision, double minRecall) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== ").append(title).append(" ===\n");
        out.append(String.format(Locale.ROOT, "%-52s %6s %6s %4s%n", "file", "plants", "found", "FP"));
        for (FileResult r : result.files()) {
            out.append(String.format(Locale.ROOT, "%-52s %6d %6d %4d%n", r.file().path(), r.file().plants().size(),
                    r.found(), r.falsePositives().size()));
        }
        out.append(String.format(Locale.ROOT, "%-52s %6d %6d %4d%n", "TOTAL", result.plants(), result.found(), result.fp()));

        out.append("\n--- missed plants (file:line kind) ---\n");
        result.files().forEach(r -> r.missed().forEach(p ->
                out.append("  ").append(p.file()).append(':').append(p.line()).append(' ').append(p.label()).append('\n')));

        out.append("\n--- false positives (file:line rule preview) ---\n");
        result.files().forEach(r -> r.falsePositives().forEach(f ->
                out.append("  ").append(f.location().path()).append(':').append(f.location().startLine())
                        .append(' ').append(f.ruleId()).append(' ').append(f.preview())
                        .append(f.decodedFrom() == null ? "" : " (decoded: " + f.decodedFrom() + ")").append('\n')));

        out.append(String.format(Locale.ROOT, "%nTP %d, FP %d, plants %d, found %d%n",
                result.tp(), result.fp(), result.plants(), result.found()));
        out.append(String.format(Locale.ROOT, "precision %.3f (goal %.2f)   recall %.3f (goal %.2f)%n",
                result.precision(), minPrecision, result.recall(), minRecall));
        return out.toString();
    }
}
