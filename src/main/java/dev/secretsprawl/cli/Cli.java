package dev.secretsprawl.cli;

import dev.secretsprawl.rules.InvalidRuleException;
import dev.secretsprawl.scan.ConfigException;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Builds the picocli command line with our exit codes and error messages. */
final class Cli {
    private Cli() {
    }

    static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
        Console console = new Console(in, out, err);
        CommandLine cl = new CommandLine(new SprawlCommand(), new Factory(console));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof InvalidRuleException || e instanceof IllegalArgumentException
                    || e instanceof UsageError) {
                commandLine.getErr().println("sprawl: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            commandLine.getErr().println("sprawl: " + describe(e));
            if (System.getenv("SPRAWL_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set SPRAWL_DEBUG=1 for a stack trace)");
            }
            return ExitCodes.RUNTIME;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("sprawl: " + e.getMessage());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof java.io.IOException ? "I/O error: " + message : message;
    }

    /** Hands the shared {@link Console} to commands that want it. */
    private record Factory(Console console) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Console.class).newInstance(console);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
