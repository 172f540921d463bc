package dev.secretsprawl.scan;

/** Where a {@link Source} pushes what it reads. */
public interface FragmentSink {
    void accept(Fragment fragment);

    /** A unit the source could not or would not read (binary, too large, unreadable...). */
    void skipped(String reason, String path, String detail);
}
