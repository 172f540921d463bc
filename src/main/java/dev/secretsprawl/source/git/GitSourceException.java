package dev.secretsprawl.source.git;

import dev.secretsprawl.scan.ConfigException;

/** The repository, ref or commit the user named is not there; the message says which. */
public final class GitSourceException extends ConfigException {
    public GitSourceException(String message) {
        super(message);
    }
}
