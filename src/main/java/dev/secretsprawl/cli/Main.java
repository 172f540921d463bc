package dev.secretsprawl.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Entry point of {@code sprawl.jar}. Exit codes: 0 clean, 1 findings, 2 usage error, 3 runtime error. */
public final class Main {
    private Main() {
    }

    /**
     * re2j compiles a bounded repeat such as {@code [A-Za-z0-9]{20,1000}} by recursion as deep as the
     * bound, which overflows a default-sized stack on some JVM settings (C1-only JITs, small -Xss). The
     * CLI runs on its own thread with a stack that fits every rule the loader accepts.
     */
    static final long STACK_BYTES = 256L * 1024 * 1024;

    public static void main(String[] args) throws InterruptedException {
        int[] code = {ExitCodes.RUNTIME};
        Thread cli = new Thread(null, () -> code[0] = run(args, System.out, System.err), "sprawl-main", STACK_BYTES);
        cli.start();
        cli.join();
        System.exit(code[0]);
    }

    /** Runs the CLI without exiting, so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs the CLI without exiting, reading stdin from {@code in} ({@code scan log -}, {@code mask}). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            return Cli.commandLine(in, out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("sprawl: out of memory; give the JVM more heap, e.g. java -Xmx1g -jar sprawl.jar ...");
            return ExitCodes.RUNTIME;
        } catch (Throwable e) {
            // exit 1 means "findings" to CI: an unexpected JVM error must never look like that
            err.println("sprawl: internal error (" + e.getClass().getSimpleName() + "); please report it");
            if (System.getenv("SPRAWL_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return ExitCodes.RUNTIME;
        }
    }
}
