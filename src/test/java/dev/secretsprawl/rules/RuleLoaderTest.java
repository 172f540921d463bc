package dev.secretsprawl.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleLoaderTest {
    private static final String VALID = """
            [[rules]]
            id = "acme-token"
            description = "ACME token"
            regex = '''\\b(acme_[a-z0-9]{32})\\b'''
            secretGroup = 1
            keywords = ["acme_"]
            severity = "medium"
            match = ["acme_0123456789abcdefghij0123456789ab"]
            nomatch = ["acme_short"]
            """;

    @Test
    void shouldLoadAValidRule() {
        Rule rule = RuleLoader.parse(VALID, "acme.toml").get(0);
        assertThat(rule.id()).isEqualTo("acme-token");
        assertThat(rule.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rule.secretGroup()).isEqualTo(1);
        assertThat(rule.source()).isEqualTo("acme.toml");
    }

    @Test
    void shouldRejectRegexesRe2jCannotRunInLinearTime() {
        assertThatThrownBy(() -> RuleLoader.parse(VALID.replace("\\b(acme_", "(?<=x)(acme_"), "acme.toml"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("acme.toml [acme-token]: regex is not valid re2j syntax");
    }

    @Test
    void shouldRequireKeywordsOrAWaiver() {
        assertThatThrownBy(() -> RuleLoader.parse(VALID.replace("keywords = [\"acme_\"]", ""), "a.toml"))
                .hasMessageContaining("keywordsWaiver");
        assertThat(RuleLoader.parse(VALID.replace("keywords = [\"acme_\"]", "keywordsWaiver = \"no literal\""), "a.toml"))
                .hasSize(1);
    }

    @Test
    void shouldRejectUppercaseKeywordsBadGroupsAndMissingExamples() {
        assertThatThrownBy(() -> RuleLoader.parse(VALID.replace("[\"acme_\"]", "[\"ACME_\"]"), "a.toml"))
                .hasMessageContaining("lowercase");
        assertThatThrownBy(() -> RuleLoader.parse(VALID.replace("secretGroup = 1", "secretGroup = 2"), "a.toml"))
                .hasMessageContaining("secretGroup 2 but the regex has 1 groups");
        assertThatThrownBy(() -> RuleLoader.parse(VALID.replace("nomatch = [\"acme_short\"]", ""), "a.toml"))
                .hasMessageContaining("nomatch");
        assertThatThrownBy(() -> RuleLoader.parse(VALID.replace("severity = \"medium\"", "severity = \"urgent\""), "a.toml"))
                .hasMessageContaining("unknown severity 'urgent'");
    }

    @Test
    void shouldRejectUnknownFieldsAndDuplicateIds() {
        assertThatThrownBy(() -> RuleLoader.parse(VALID + "regexx = 'typo'\n", "a.toml"))
                .hasMessageContaining("not a valid rule file");
        assertThatThrownBy(() -> new RulePack(RuleLoader.parse(VALID, "a.toml")).plus(RuleLoader.parse(VALID, "b.toml")))
                .hasMessageContaining("duplicate rule id (also defined in a.toml)");
    }

    @Test
    void shouldExplainAnEmptyRulesFolder(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> RuleLoader.fromDirectory(dir)).hasMessageContaining("holds no *.toml rule files");
        assertThatThrownBy(() -> RuleLoader.fromDirectory(dir.resolve("missing"))).hasMessageContaining("not a directory");
    }
}
