package dev.secretsprawl.scan;

/** Where a {@link Source} pushes what it reads. Sources may call it from several threads. */
public interface FragmentSink {
    void accept(Fragment fragment);

    /** A unit the source could not or would not read (binary, too large, unreadable...). */
    void skipped(String reason, String path, String detail);

    /** Something the user should know about the whole scan that is not a skipped unit (a shallow clone...). */
    void warn(String reason, String message);
}
