package dev.secretsprawl.source.git;

import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;

/**
 * jgit's pack cache sizes for reading a whole history. Its defaults (10 MB of pack windows, 10 MB of
 * delta bases) suit an IDE, not a scan that reads every version of every file: with them, deltas are
 * rebuilt from their bases again and again. Pack windows are memory-mapped, so they sit outside the heap.
 * The settings are process-wide; the first scan applies them.
 */
final class RepositoryTuning {
    private static final long MB = 1024L * 1024;
    private static volatile boolean applied;

    private RepositoryTuning() {
    }

    static synchronized void apply(long maxBlobSize) {
        if (applied) {
            return;
        }
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitMMAP(true);
        config.setPackedGitWindowSize((int) (64 * 1024));
        config.setPackedGitLimit(512 * MB);
        config.setPackedGitOpenFiles(256);
        config.setDeltaBaseCacheLimit((int) (96 * MB));
        config.setStreamFileThreshold((int) Math.min(Integer.MAX_VALUE - 8, Math.max(maxBlobSize + 1, 50 * MB)));
        config.install();
        // jgit times the file system's timestamp resolution on first use (seconds, once per machine) for racy
        // work-tree checks a history scan never makes: measure in the background and do not wait for it
        FS.FileStoreAttributes.setBackground(true);
        applied = true;
    }
}
