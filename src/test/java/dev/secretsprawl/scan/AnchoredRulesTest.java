package dev.secretsprawl.scan;

import dev.secretsprawl.rules.Rule;
import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.rules.RulePack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anchored rule promises that its matches start where its keywords start; the engine then tries the
 * regex only there. This checks the promise: over every rule example and every corpus template, the
 * findings are the same whether the engine honours the anchors or searches each line.
 */
class AnchoredRulesTest {
    private static final RulePack PACK = RuleLoader.fromDirectory(Path.of("rules"));

    @Test
    void shouldFindTheSameWithAndWithoutAnchors() throws IOException {
        assertThat(PACK.rules().stream().filter(Rule::anchored)).as("anchored rules").isNotEmpty();
        Detector anchored = new Detector(PACK, SecretHasher.defaultKey(), true);
        Detector searching = new Detector(PACK, SecretHasher.defaultKey(), false);
        List<Fragment> fragments = new ArrayList<>();
        for (Rule rule : PACK.rules()) {
            Stream.concat(rule.match().stream(), rule.nomatch().stream())
                    .forEach(example -> fragments.add(Fragment.of(example, rule.examplePath())));
        }
        for (String root : List.of("src/test/resources/corpus", "src/test/resources/corpus-holdout")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    fragments.add(Fragment.of(Files.readString(file, StandardCharsets.UTF_8)
                            .replace("@@", "Zq7Wm2Xp9Kd4"), Path.of(root).relativize(file).toString()));
                }
            }
        }
        int compared = 0;
        for (Fragment fragment : fragments) {
            List<String> expected = describe(searching.detect(fragment));
            assertThat(describe(anchored.detect(fragment))).as(fragment.path()).isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).as("findings compared").isGreaterThan(100);
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + "@" + f.location() + "#" + f.secretHash()).toList();
    }
}
