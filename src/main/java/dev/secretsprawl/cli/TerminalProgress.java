package dev.secretsprawl.cli;

import dev.secretsprawl.scan.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/** A one-line progress display on stderr, redrawn at most five times a second. */
final class TerminalProgress implements ProgressListener {
    private final PrintStream err;
    private final String unit;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int drawnLength;

    TerminalProgress(PrintStream err, String unit) {
        this.err = err;
        this.unit = unit;
    }

    @Override
    public synchronized void progress(long fragments, long bytes, long findings, Supplier<String> source) {
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(0.001, (now - started) / 1e9);
        String where = source.get();
        String prefix = where.isEmpty() ? "" : where + ", ";
        String line = String.format(Locale.ROOT, "%s%,d %s, %.1f MB, %.1f MB/s, %d finding%s", prefix, fragments, unit,
                bytes / 1048576.0, bytes / 1048576.0 / seconds, findings, findings == 1 ? "" : "s");
        // pad over the tail of a longer previous line
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = Math.max(drawnLength, line.length());
    }

    synchronized void clear() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
        }
    }
}
