package dev.secretsprawl.scan;

import dev.secretsprawl.rules.Rule;
import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.rules.RulePack;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every example of every rule through the full pipeline (decoders, prefilter, regex, filters).
 * Each rule is one test case; inside it every failing example is reported, not just the first.
 */
class RuleExamplesTest {
    private static final RulePack PACK = RuleLoader.fromDirectory(Path.of("rules"));
    private static final Detector DETECTOR = new Detector(PACK, SecretHasher.defaultKey());
    private static final Prefilter PREFILTER = new Prefilter(PACK.rules().stream().map(Rule::keywords).toList());

    static Stream<Rule> rules() {
        return PACK.rules().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldFindEveryMatchExampleAndNoNomatchExample(Rule rule) {
        SoftAssertions softly = new SoftAssertions();
        for (String example : rule.match()) {
            softly.assertThat(ruleIds(rule, example))
                    .as("[%s] should match: %s", rule.id(), example)
                    .contains(rule.id());
        }
        for (String example : rule.nomatch()) {
            softly.assertThat(ruleIds(rule, example))
                    .as("[%s] should not match: %s", rule.id(), example)
                    .doesNotContain(rule.id());
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldLetEveryMatchExamplePassTheKeywordPrefilter(Rule rule) {
        int index = PACK.rules().indexOf(rule);
        SoftAssertions softly = new SoftAssertions();
        for (String example : rule.match()) {
            softly.assertThat(PREFILTER.candidates(example).get(index))
                    .as("[%s] keywords %s should hit: %s", rule.id(), rule.keywords(), example)
                    .isTrue();
        }
        softly.assertAll();
    }

    private static List<String> ruleIds(Rule rule, String example) {
        return DETECTOR.detect(Fragment.of(example, rule.examplePath())).stream().map(Finding::ruleId).toList();
    }
}
