package dev.secretsprawl.migrate.plan;

import dev.secretsprawl.migrate.plan.MigrationPlan.Consumer;
import dev.secretsprawl.migrate.plan.MigrationPlan.Handling;
import dev.secretsprawl.migrate.plan.MigrationPlan.PlannedCredential;
import dev.secretsprawl.migrate.plan.MigrationPlan.ReissueTask;
import dev.secretsprawl.migrate.rewrite.Rewriter;
import dev.secretsprawl.migrate.rewrite.Rewriters;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.migrate.rotate.Revoker;
import dev.secretsprawl.migrate.rotate.Rotator;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.verify.Credential;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Turns a scan into a plan: findings with the same keyed hash are one credential wherever they sit; it is
 * named after the variable most of its files assign it to; each place gets the reference its file type
 * uses; its issuer decides whether {@code apply} can rotate and revoke it or a person must re-issue it.
 */
public final class PlanBuilder {
    /** What the plan needs besides the findings. */
    public record Settings(String migrationId, String createdAt, String root, String commit, String destination,
                           String owner, LocalDate reissueDeadline) {
    }

    private final IssuerActions actions;
    private final Function<String, Optional<String>> fileText;
    private final UnaryOperator<String> locate;

    /**
     * @param fileText the text of a file by its path relative to the root (for variable names)
     * @param locate   where the store keeps a key, for the plan's readers
     */
    public PlanBuilder(IssuerActions actions, Function<String, Optional<String>> fileText, UnaryOperator<String> locate) {
        this.actions = actions;
        this.fileText = fileText;
        this.locate = locate;
    }

    public MigrationPlan build(List<Finding> findings, Settings settings) {
        Map<String, List<Finding>> byValue = new LinkedHashMap<>();
        findings.stream().sorted(Comparator.comparing((Finding f) -> f.location().path())
                        .thenComparingInt(f -> f.location().startLine()).thenComparingInt(f -> f.location().startColumn()))
                .forEach(f -> byValue.computeIfAbsent(f.secretHash(), k -> new ArrayList<>()).add(f));
        Set<String> usedNames = new HashSet<>();
        List<PlannedCredential> credentials = new ArrayList<>();
        for (List<Finding> group : byValue.values()) {
            credentials.add(credential(group, settings, usedNames));
        }
        return new MigrationPlan(MigrationPlan.FORMAT, settings.migrationId(), settings.createdAt(), settings.root(),
                settings.commit(), settings.destination(), settings.owner(), credentials);
    }

    private PlannedCredential credential(List<Finding> group, Settings settings, Set<String> usedNames) {
        Map<Finding, String> variables = new HashMap<>();
        for (Finding f : group) {
            variables.put(f, variable(f).orElse(""));
        }
        Finding lead = group.stream().filter(f -> !"generic".equals(f.issuer()) && f.issuer() != null
                && !f.issuer().isEmpty()).findFirst().orElse(group.get(0));
        String name = unique(name(group, variables, lead), usedNames);
        List<Consumer> consumers = new ArrayList<>();
        for (Finding f : group) {
            Optional<Rewriter> rewriter = Rewriters.forPath(f.location().path());
            consumers.add(new Consumer(f.location().path(), f.location().startLine(), f.location().startColumn(),
                    f.location().endLine(), f.location().endColumn(), f.ruleId(), f.fingerprint().value(),
                    variables.get(f), rewriter.map(Rewriter::fileType).orElse("manual"),
                    rewriter.map(r -> r.reference(name)).orElse("")));
        }
        List<Credential> legacy = group.stream().map(Credential::of).toList();
        Optional<Rotator> rotator = legacy.stream().map(actions::rotator).flatMap(Optional::stream).findFirst();
        Optional<Revoker> revoker = legacy.stream().map(actions::revoker).flatMap(Optional::stream).findFirst();
        Handling rotation = rotator.map(r -> new Handling(Handling.AUTOMATIC, "with migrate apply --rotate"
                        + needs(r.cannotRotate(legacy.get(0), AdminAccess.none()))))
                .orElse(new Handling(Handling.REISSUE, "no API here rotates " + issuerName(lead)
                        + " credentials: its owner issues a new one and writes it to the store"));
        Handling revocation = rotator.filter(Rotator::rotationRevokesLegacy).isPresent()
                ? new Handling(Handling.BY_ROTATION, "rotating replaces the legacy value at its issuer")
                : revoker.map(r -> new Handling(Handling.AUTOMATIC, "revoked through the issuer's API once the new value is stored"
                        + needs(r.cannotRevoke(legacy.get(0), AdminAccess.none()))))
                .orElse(new Handling(Handling.REISSUE, "no API here revokes " + issuerName(lead)
                        + " credentials: its owner revokes it at the issuer"));
        ReissueTask reissue = rotation.automatic() ? null : new ReissueTask(
                settings.owner() == null || settings.owner().isEmpty() ? "unassigned" : settings.owner(),
                settings.reissueDeadline().toString(), rotation.detail());
        return new PlannedCredential(name, lead.secretHash(), lead.issuer(), lead.ruleId(), name, locate.apply(name),
                rotation, revocation, reissue, consumers);
    }

    private static String needs(Optional<String> reason) {
        return reason.map(r -> " (" + r + ")").orElse("");
    }

    private static String issuerName(Finding f) {
        return f.issuer() == null || f.issuer().isEmpty() ? f.ruleId() : f.issuer();
    }

    private Optional<String> variable(Finding f) {
        return fileText.apply(f.location().path()).flatMap(text -> {
            String[] lines = text.split("\r?\n", -1);
            int i = f.location().startLine() - 1;
            return i < lines.length ? CredentialNames.variableBefore(lines[i], f.location().startColumn()) : Optional.empty();
        });
    }

    /** The variable most places use (ties: the first place's), else one after the issuer. */
    private static String name(List<Finding> group, Map<Finding, String> variables, Finding lead) {
        Map<String, Long> counts = group.stream().map(variables::get).filter(v -> !v.isEmpty())
                .map(CredentialNames::normalise)
                .collect(Collectors.groupingBy(v -> v, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(CredentialNames.fromIssuer(lead.issuer(), lead.ruleId()));
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }
}
