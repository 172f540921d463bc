package dev.secretsprawl.cli;

import dev.secretsprawl.rules.Rule;
import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.rules.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists the detection rules: id, severity, issuer and what each finds.")
final class RulesCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--rules", paramLabel = "DIR", description = "List the rules in DIR instead of the bundled pack.")
    Path rules;

    RulesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        RulePack pack = rules == null ? RuleLoader.bundled() : RuleLoader.fromDirectory(rules);
        for (Rule r : pack.rules()) {
            console.out().printf(Locale.ROOT, "%-40s %-9s %-16s %s%n", r.id(), r.severity().label(),
                    r.issuer() == null ? "-" : r.issuer(), r.description());
        }
        console.out().println(pack.rules().size() + " rules");
        return ExitCodes.CLEAN;
    }
}
