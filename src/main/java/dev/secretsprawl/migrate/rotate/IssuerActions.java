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
        return new IssuerActions(List.of(), List.of(
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
