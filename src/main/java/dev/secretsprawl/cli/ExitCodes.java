package dev.secretsprawl.cli;

/** The documented exit codes (DESIGN.md §4); scripts and CI depend on them. */
final class ExitCodes {
    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int RUNTIME = 3;

    private ExitCodes() {
    }
}
