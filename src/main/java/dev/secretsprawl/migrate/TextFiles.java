package dev.secretsprawl.migrate;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads the migrated tree's files: as they are now, and as they were at the plan's commit (where a legacy
 * value stays readable after the working tree was rewritten). The CLI backs it with the source package's
 * reader, which knows git.
 */
public interface TextFiles {
    /** PATH (relative to the root) at COMMIT, or in the working tree when COMMIT is null. */
    Optional<String> read(String path, String commit) throws IOException;

    /** Replaces PATH's text in the working tree (whole or not at all, keeping its permissions). */
    void write(String path, String text) throws IOException;
}
