package dev.secretsprawl.cli;

import java.io.PrintStream;

/** Entry point of {@code sprawl.jar}. Exit codes: 0 clean, 1 findings, 2 usage error, 3 runtime error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI without exiting, so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return Cli.commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("sprawl: out of memory; give the JVM more heap, e.g. java -Xmx1g -jar sprawl.jar ...");
            return ExitCodes.RUNTIME;
        } catch (Throwable e) {
            // exit 1 means "findings" to CI: an unexpected JVM error must never look like that
            err.println("sprawl: internal error (" + e.getClass().getSimpleName() + "); please report it");
            return ExitCodes.RUNTIME;
        }
    }
}
