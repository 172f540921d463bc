package dev.secretsprawl.verify;

import dev.secretsprawl.rules.Rule;
import dev.secretsprawl.rules.RuleLoader;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every issuer of the bundled rule pack has a verifier or a reason why not, never both, and no reason is stale. */
class VerifierRegistryTest {
    private static final Set<String> ISSUERS = RuleLoader.bundled().rules().stream().map(Rule::issuer)
            .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));

    private static Set<String> verified() {
        return new HashSet<>(VerifierRegistry.standard().issuers());
    }

    @Test
    void shouldGiveEveryIssuerOfTheRulePackAVerifierOrAReason() {
        Set<String> neither = new TreeSet<>(ISSUERS);
        neither.removeAll(verified());
        neither.removeAll(Unverified.REASONS.keySet());

        assertThat(neither).as("issuers with neither a verifier nor a reason in Unverified.REASONS").isEmpty();
    }

    @Test
    void shouldNeverGiveAReasonForAnIssuerThatHasAVerifier() {
        Set<String> both = new TreeSet<>(Unverified.REASONS.keySet());
        both.retainAll(verified());

        assertThat(both).as("issuers with a verifier and a reason").isEmpty();
    }

    @Test
    void shouldGiveNoReasonForAnIssuerTheRulePackDoesNotHave() {
        assertThat(ISSUERS).containsAll(Unverified.REASONS.keySet());
    }

    @Test
    void shouldServeTheOfflineIssuers() {
        assertThat(VerifierRegistry.standard().issuers()).contains("jwt", "private-key");
    }
}
