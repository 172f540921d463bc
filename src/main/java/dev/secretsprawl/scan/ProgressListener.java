package dev.secretsprawl.scan;

import java.util.function.Supplier;

/** Told about progress during long scans; the CLI draws it on a terminal. */
public interface ProgressListener {
    ProgressListener NONE = (fragments, bytes, findings, where) -> { };

    /**
     * @param where the source's own words on where it is ({@link Source#progress()}), possibly empty; asked
     *              for only when the progress is drawn
     */
    void progress(long fragments, long bytes, long findings, Supplier<String> where);
}
