package dev.secretsprawl.scan;

/** Told about progress during long scans; the CLI draws it on a terminal. */
public interface ProgressListener {
    ProgressListener NONE = (fragments, bytes, findings, where) -> { };

    /** @param where the source's own words on where it is ({@link Source#progress()}), possibly empty */
    void progress(long fragments, long bytes, long findings, String where);
}
