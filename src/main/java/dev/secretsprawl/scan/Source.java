package dev.secretsprawl.scan;

import java.io.IOException;
import java.util.List;

/**
 * One shape for everything that holds text to scan: a directory, git history, a CI log. A source
 * pushes fragments to a sink; it decides nothing about secrets.
 */
public interface Source {
    /** Reads everything and pushes it to the sink; returns when done. The sink may be called from any thread. */
    void run(FragmentSink sink) throws IOException;

    /** Names what is scanned, for reports (e.g. the directory). */
    String describe();

    /**
     * Turns what was detected in this source's fragments into what is reported. Git history uses it to
     * attribute a change scanned once to every commit that made it, and to merge one secret's
     * introductions under one fingerprint. Called once, after {@link #run}.
     */
    default List<Finding> attribute(List<Finding> detected) throws IOException {
        return detected;
    }

    /** A few words on where the source is (e.g. "1,204 commits"), for the progress line; empty when none. */
    default String progress() {
        return "";
    }
}
