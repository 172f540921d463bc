package dev.secretsprawl.cli;

import dev.secretsprawl.scan.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress display on stderr, redrawn at most five times a second. */
final class TerminalProgress implements ProgressListener {
    private final PrintStream err;
    private final String unit;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    TerminalProgress(PrintStream err, String unit) {
        this.err = err;
        this.unit = unit;
    }

    @Override
    public synchronized void progress(long fragments, long bytes, long findings) {
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(0.001, (now - started) / 1e9);
        err.printf(Locale.ROOT, "\r%,d %s, %.1f MB, %.1f MB/s, %d finding%s   ", fragments, unit,
                bytes / 1048576.0, bytes / 1048576.0 / seconds, findings, findings == 1 ? "" : "s");
        err.flush();
        drawn = true;
    }

    synchronized void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }
}
