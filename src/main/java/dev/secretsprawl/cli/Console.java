package dev.secretsprawl.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Where commands read ({@code in}: logs to scan or mask) and print: reports to {@code out}, progress and diagnostics to {@code err}. */
record Console(InputStream in, PrintStream out, PrintStream err) {
    /** True when stderr is (very likely) a person's terminal: progress is drawn only then. */
    boolean interactive() {
        return err == System.err && System.console() != null && System.getenv("CI") == null;
    }
}
