package dev.secretsprawl.source.log;

import dev.secretsprawl.scan.DaemonThreads;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.KnownSecrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Copies a log from input to output with every detected secret replaced by {@link #MASK}, line for line
 * (the output has exactly the input's lines), flushing whenever the input has nothing more ready, so it
 * can sit in a live pipe. What is masked:
 * <ul>
 *   <li>every finding of the rule pack, on the cleaned line (a secret split by colour codes is found),
 *       with the escape sequences inside it kept so the terminal's colours stay right;</li>
 *   <li>the encoded span of secrets found base64-, URL- or JSON-encoded;</li>
 *   <li>every later appearance of a value found once, or given by the caller, in any of its forms
 *       ({@link KnownSecrets});</li>
 *   <li>the body of a private key block, line by line, even when the block is not finished yet.</li>
 * </ul>
 * Batches of lines are detected on all cores; masking and writing keep input order.
 */
public final class LogMasker {
    public static final String MASK = "****";
    private static final int BATCH_CHARS = 64 * 1024;
    private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----");
    private static final String KEY_END = "-----END ";
    private static final String KEY_MARK = "-----";
    /** A key block longer than this is not a key (a base64 dump): the masker stops masking whole lines. */
    private static final int MAX_KEY_LINES = 200;

    private final Detector detector;
    private final KnownSecrets known;
    private final int threads;
    private int keyLines = -1;   // lines into an open private key block, -1 when outside one

    /** Counts of one run, for the summary on stderr. */
    public record MaskStats(long lines, long masked) {
    }

    public LogMasker(Detector detector, KnownSecrets known, int threads) {
        this.detector = detector;
        this.known = known;
        this.threads = Math.max(1, threads);
    }

    /** Reads {@code in} to its end. Does not close either stream. */
    public MaskStats mask(InputStream in, OutputStream out) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("sprawl-mask"));
        BlockingQueue<Future<Batch>> pending = new ArrayBlockingQueue<>(threads * 2);
        LogLines lines = new LogLines(in);
        long total = 0;
        long masked = 0;
        try {
            boolean more = true;
            while (more) {
                List<LogLines.Line> batch = new ArrayList<>();
                int chars = 0;
                boolean live = false;
                while (chars < BATCH_CHARS) {
                    LogLines.Line line = lines.next();
                    if (line == null) {
                        more = false;
                        break;
                    }
                    batch.add(line);
                    chars += line.text().length() + 1;
                    if (lines.wouldBlock()) {
                        live = true;   // nothing more is ready: mask what we have now rather than wait
                        break;
                    }
                }
                if (!batch.isEmpty()) {
                    if (pending.remainingCapacity() == 0) {
                        masked += write(pending.poll(), out);
                    }
                    pending.add(pool.submit(() -> detect(batch)));
                }
                if (live || !more) {
                    while (!pending.isEmpty()) {
                        masked += write(pending.poll(), out);
                    }
                    out.flush();
                }
                total += batch.stream().filter(LogLines.Line::lastPiece).count();
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return new MaskStats(total, masked);
    }

    /**
     * A batch after detection: its lines, cleaned, the findings over their joined text, and where the
     * values known when it was searched appear.
     */
    private record Batch(List<LogLines.Line> lines, CleanLine[] clean, List<Finding> findings, KnownSecrets.Search known,
                         boolean mentionsKeys) {
    }

    private Batch detect(List<LogLines.Line> lines) {
        CleanLine[] clean = new CleanLine[lines.size()];
        StringBuilder text = new StringBuilder(BATCH_CHARS + 4096);
        for (int i = 0; i < clean.length; i++) {
            clean[i] = LogLineCleaner.clean(lines.get(i).text(), lines.get(i).plain());
            text.append(clean[i].text()).append('\n');
        }
        String joined = text.toString();
        List<Finding> findings = detector.detect(new Fragment(joined, "log", 1, Map.of()));
        CharSequence[] texts = new CharSequence[clean.length];
        for (int i = 0; i < clean.length; i++) {
            texts[i] = clean[i].text();
        }
        // searched here, on every core; the writer searches again only if values were learned meanwhile
        KnownSecrets.Search known = this.known.find(texts);
        return new Batch(lines, clean, findings, known, joined.contains(KEY_MARK));
    }

    private long write(Future<Batch> future, OutputStream out) throws IOException {
        Batch batch;
        try {
            batch = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("masking interrupted", e);
        } catch (ExecutionException e) {
            // a line must never pass unmasked because detection failed: fail the whole pipe instead
            throw new IOException("could not mask the log (" + e.getCause().getClass().getSimpleName() + ")", e);
        }
        int n = batch.lines().size();
        List<List<int[]>> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ranges.add(new ArrayList<>(0));
        }
        for (Finding f : batch.findings()) {
            known.learn(f);
            markFinding(f, batch, ranges);
        }
        int[][] knownHits = batch.known().hits();
        if (known.version() != batch.known().version()) {
            CharSequence[] texts = new CharSequence[n];
            for (int i = 0; i < n; i++) {
                texts[i] = batch.clean()[i].text();
            }
            knownHits = known.find(texts).hits();
        }
        long masked = 0;
        for (int i = 0; i < n; i++) {
            CleanLine clean = batch.clean()[i];
            List<int[]> lineRanges = ranges.get(i);
            if (batch.mentionsKeys() || keyLines >= 0) {
                markKeyBlock(clean.text(), lineRanges);
            }
            int[] hits = knownHits[i];
            for (int h = 0; h < hits.length; h += 2) {
                lineRanges.add(new int[]{hits[h], hits[h + 1]});
            }
            LogLines.Line line = batch.lines().get(i);
            String output = lineRanges.isEmpty() ? line.text() : apply(line.text(), clean, lineRanges);
            if (!lineRanges.isEmpty()) {
                masked++;
            }
            out.write(output.getBytes(StandardCharsets.UTF_8));
            if (line.lastPiece()) {
                out.write('\n');
            }
        }
        return masked;
    }

    /** Marks a finding's span (clean coordinates) on every line it covers. */
    private static void markFinding(Finding f, Batch batch, List<List<int[]>> ranges) {
        int startLine = f.location().startLine() - 1;
        int endLine = f.location().endLine() - 1;
        for (int line = startLine; line <= endLine && line < ranges.size(); line++) {
            int length = batch.clean()[line].text().length();
            int from = line == startLine ? f.location().startColumn() - 1 : 0;
            int to = line == endLine ? f.location().endColumn() - 1 : length;
            ranges.get(line).add(new int[]{Math.max(0, from), Math.min(length, Math.max(from, to))});
        }
    }

    /** Private key bodies are masked line by line as they arrive: the END line may come in a later batch. */
    private void markKeyBlock(String text, List<int[]> ranges) {
        if (keyLines >= 0) {
            int end = text.indexOf(KEY_END);
            if (end >= 0 || ++keyLines > MAX_KEY_LINES) {
                if (end > 0) {
                    ranges.add(new int[]{0, end});
                }
                keyLines = -1;
            } else {
                ranges.add(new int[]{0, text.length()});
            }
            return;
        }
        if (text.indexOf("PRIVATE KEY") < 0) {
            return;
        }
        var m = KEY_BEGIN.matcher(text);
        if (m.find() && text.indexOf(KEY_END, m.end()) < 0) {
            keyLines = 0;
            if (m.end() < text.length()) {
                ranges.add(new int[]{m.end(), text.length()});
            }
        }
    }

    /**
     * The original line with the marked characters replaced: one mask per run of marked characters; the
     * escape sequences and console notes inside a run are kept.
     */
    static String apply(String original, CleanLine clean, List<int[]> ranges) {
        boolean[] marked = new boolean[original.length()];
        boolean[] visible = new boolean[original.length()];
        for (int i = 0; i < clean.text().length(); i++) {
            visible[clean.originalIndex(i)] = true;
        }
        for (int[] r : ranges) {
            for (int i = r[0]; i < r[1]; i++) {
                marked[clean.originalIndex(i)] = true;
            }
        }
        StringBuilder out = new StringBuilder(original.length());
        boolean inRun = false;
        for (int i = 0; i < original.length(); i++) {
            if (marked[i]) {
                if (!inRun) {
                    out.append(MASK);
                    inRun = true;
                }
            } else {
                if (visible[i]) {
                    inRun = false;
                }
                out.append(original.charAt(i));
            }
        }
        return out.toString();
    }
}
