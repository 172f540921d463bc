package dev.secretsprawl.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry of rule files is explicit: a file missing from index.txt fails here. */
class RulePackTest {
    @Test
    void shouldListEveryRuleFileInTheIndex() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            assertThat(RuleLoader.bundledFiles()).containsExactlyInAnyOrderElementsOf(
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml")).toList());
        }
    }

    @Test
    void shouldBundleTheSameRulesAsTheRulesFolder() {
        assertThat(RuleLoader.bundled().rules()).extracting(Rule::id)
                .containsExactlyInAnyOrderElementsOf(RuleLoader.fromDirectory(Path.of("rules")).rules().stream()
                        .map(Rule::id).toList());
    }

    @Test
    void shouldCoverAtLeast120RulesEachWithSeverityAndIssuer() {
        RulePack pack = RuleLoader.bundled();
        assertThat(pack.rules()).hasSizeGreaterThanOrEqualTo(120);
        assertThat(pack.rules()).allSatisfy(r -> assertThat(r.issuer()).as(r.id() + " issuer").isNotBlank());
    }
}
