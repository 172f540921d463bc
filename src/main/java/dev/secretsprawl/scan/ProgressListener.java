package dev.secretsprawl.scan;

/** Told about progress during long scans; the CLI draws it on a terminal. */
public interface ProgressListener {
    ProgressListener NONE = (fragments, bytes, findings) -> { };

    void progress(long fragments, long bytes, long findings);
}
