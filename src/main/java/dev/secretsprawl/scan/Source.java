package dev.secretsprawl.scan;

import java.io.IOException;

/**
 * One shape for everything that holds text to scan: a directory, git history, a CI log. A source
 * pushes fragments to a sink; it decides nothing about secrets.
 */
public interface Source {
    /** Reads everything and pushes it to the sink; returns when done. */
    void run(FragmentSink sink) throws IOException;

    /** Names what is scanned, for reports (e.g. the directory). */
    String describe();
}
