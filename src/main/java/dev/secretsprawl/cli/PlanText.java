package dev.secretsprawl.cli;

import dev.secretsprawl.migrate.plan.MigrationPlan;
import dev.secretsprawl.migrate.plan.MigrationPlan.Consumer;
import dev.secretsprawl.migrate.plan.MigrationPlan.PlannedCredential;
import dev.secretsprawl.report.Terminal;

/** A plan for review on a terminal or in a pull request: what goes where, and what a person must do. */
final class PlanText {
    private PlanText() {
    }

    static String of(MigrationPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Migration ").append(plan.migrationId()).append(" to ").append(Terminal.safe(plan.destination()));
        if (plan.owner() != null && !plan.owner().isEmpty()) {
            out.append(" (owner ").append(Terminal.safe(plan.owner())).append(')');
        }
        out.append('\n');
        int places = plan.credentials().stream().mapToInt(c -> c.consumers().size()).sum();
        out.append(plan.credentials().size()).append(" credential(s), ").append(places).append(" place(s)\n");
        for (PlannedCredential c : plan.credentials()) {
            out.append('\n').append(c.name()).append("  [").append(c.issuer() == null || c.issuer().isEmpty() ? c.ruleId() : c.issuer())
                    .append("]  -> ").append(Terminal.safe(c.location())).append('\n');
            out.append("  rotate: ").append(c.rotation().mode()).append(" - ").append(c.rotation().detail()).append('\n');
            out.append("  revoke: ").append(c.revocation().mode()).append(" - ").append(c.revocation().detail()).append('\n');
            if (c.reissue() != null) {
                out.append("  re-issue task: ").append(Terminal.safe(c.reissue().owner())).append(", due ")
                        .append(c.reissue().deadline()).append('\n');
            }
            int width = c.consumers().stream().mapToInt(u -> (u.path() + ":" + u.line()).length()).max().orElse(0);
            for (Consumer u : c.consumers()) {
                String where = Terminal.safe(u.path()) + ":" + u.line();
                out.append("    ").append(where).append(" ".repeat(Math.max(1, width - where.length() + 2)))
                        .append(String.format("%-15s", u.fileType()))
                        .append(u.manual() ? "change by hand: no rewriter for this file type" : u.reference()).append('\n');
            }
        }
        return out.toString();
    }
}
