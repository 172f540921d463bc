package dev.secretsprawl.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a {@link Source} through the {@link Detector} on all cores with bounded memory (a full work
 * queue makes the reading thread detect too), then applies suppressions. Findings come back ordered.
 */
public final class Scanner {
    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().path())
            .thenComparingInt(f -> f.location().startLine())
            .thenComparingInt(f -> f.location().startColumn())
            .thenComparing(Finding::ruleId);

    private final Detector detector;
    private final Suppressions suppressions;
    private final int threads;

    public Scanner(Detector detector, Suppressions suppressions) {
        this(detector, suppressions, Runtime.getRuntime().availableProcessors());
    }

    public Scanner(Detector detector, Suppressions suppressions, int threads) {
        this.detector = detector;
        this.suppressions = suppressions;
        this.threads = Math.max(1, threads);
    }

    public ScanResult scan(Source source, ProgressListener progress) throws IOException {
        ScanStats stats = new ScanStats();
        ConcurrentLinkedQueue<Finding> found = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<ScanWarning> warnings = new ConcurrentLinkedQueue<>();
        AtomicLong findingCount = new AtomicLong();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), DaemonThreads.named("sprawl-detect"), new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            source.run(new FragmentSink() {
                @Override
                public void accept(Fragment fragment) {
                    pool.execute(() -> {
                        List<Finding> findings;
                        try {
                            findings = detector.detect(fragment);
                        } catch (Throwable e) {
                            // one bad fragment (even an OutOfMemoryError on a huge file) must not lose the whole
                            // scan, nor pass unnoticed: it is counted, and the result says it is incomplete.
                            // The class name cannot carry scanned text.
                            stats.skipped("scan-error");
                            warnings.add(new ScanWarning("scan-error", fragment.path(), "could not scan "
                                    + fragment.path() + " (" + e.getClass().getSimpleName() + "); please report this"));
                            return;
                        }
                        for (Finding f : findings) {
                            if (fragment.reports(f.location().endLine())) {
                                found.add(f);
                            }
                        }
                        stats.scanned(fragment.text().length());
                        progress.progress(stats.fragments(), stats.bytes(), findingCount.addAndGet(findings.size()),
                                source::progress);
                    });
                }

                @Override
                public void skipped(String reason, String path, String detail) {
                    stats.skipped(reason);
                    if (detail != null) {
                        warnings.add(new ScanWarning(reason, path, detail));
                    }
                }

                @Override
                public void warn(String reason, String message) {
                    warnings.add(new ScanWarning(reason, null, message));
                }
            });
            // tasks cannot fail (each catches its own errors), so waiting for the pool is all that is left
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        List<Finding> reported = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        for (Finding f : source.attribute(new ArrayList<>(found))) {
            (suppressions.suppresses(f) ? suppressed : reported).add(f);
        }
        reported.sort(ORDER);
        suppressed.sort(ORDER);
        List<ScanWarning> allWarnings = new ArrayList<>(summarize(stats));
        allWarnings.addAll(warnings);
        suppressions.expired().forEach(e -> allWarnings.add(new ScanWarning("allowlist-expired", null,
                "allowlist entry expired and no longer suppresses: " + e.describe())));
        return new ScanResult(source.describe(), reported, suppressed, allWarnings, suppressions.expired(), stats);
    }

    /** One counted warning per skip reason, so a thousand binaries make one line, not a thousand. */
    private static List<ScanWarning> summarize(ScanStats stats) {
        List<ScanWarning> out = new ArrayList<>();
        stats.skippedByReason().forEach((reason, count) ->
                out.add(new ScanWarning(reason, null, "skipped " + count + " " + describe(reason, count))));
        return out;
    }

    private static String describe(String reason, long count) {
        String plural = count == 1 ? "" : "s";
        return switch (reason) {
            case "binary" -> "binary file" + plural;
            case "oversized" -> "file" + plural + " over the size limit (--max-file-size)";
            case "symlink" -> "symbolic link" + plural + " (links are not followed)";
            case "unreadable" -> "unreadable file" + plural;
            case "ignored" -> "path" + plural + " ignored by configuration";
            case "scan-error" -> "item" + plural + " that failed to scan";
            case "missing-object" -> "git object" + plural
                    + " missing from the repository (partial or shallow clone, or pruned); not scanned";
            case "submodule" -> "submodule commit" + plural + " (scan the submodule's own repository)";
            case "forbidden" -> "item" + plural + " the login may not read (HTTP 403; see the warnings)";
            case "not-found" -> "item" + plural + " gone while the scan ran (HTTP 404)";
            default -> reason + " item" + plural;
        };
    }
}
