package dev.secretsprawl.migrate.rotate;

import dev.secretsprawl.verify.Credential;

import java.util.List;
import java.util.Optional;

/** The explicit lists of rotators and revokers; an issuer with neither gets a re-issue task. */
public final class IssuerActions {
    private final List<Rotator> rotators;
    private final List<Revoker> revokers;

    public IssuerActions(List<Rotator> rotators, List<Revoker> revokers) {
        this.rotators = List.copyOf(rotators);
        this.revokers = List.copyOf(revokers);
    }

    public static IssuerActions standard() {
        return new IssuerActions(List.of(
                new dev.secretsprawl.migrate.rotate.db.PostgresRotator(),
                new dev.secretsprawl.migrate.rotate.db.MariaDbRotator(),
                new dev.secretsprawl.migrate.rotate.broker.RedisRotator(),
                new dev.secretsprawl.migrate.rotate.broker.AmqpRotator(),
                new dev.secretsprawl.migrate.rotate.api.GitLabTokenRotator()), List.of(
                new dev.secretsprawl.migrate.rotate.api.GitHubTokenRevoker(),
                new dev.secretsprawl.migrate.rotate.api.SlackTokenRevoker(),
                new dev.secretsprawl.migrate.rotate.api.GitLabTokenRevoker(),
                new dev.secretsprawl.migrate.rotate.vault.VaultTokenRevoker()));
    }

    public List<Rotator> rotators() {
        return rotators;
    }

    public List<Revoker> revokers() {
        return revokers;
    }

    public Optional<Rotator> rotator(Credential legacy) {
        return rotators.stream().filter(r -> r.issuers().contains(legacy.issuer())).findFirst()
                .or(() -> rotators.stream().filter(r -> r.claims(legacy)).findFirst());
    }

    public Optional<Revoker> revoker(Credential legacy) {
        return revokers.stream().filter(r -> r.issuers().contains(legacy.issuer())).findFirst();
    }
}
