package dev.secretsprawl.migrate.rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.Location;
import dev.secretsprawl.scan.SecretHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file type against the real scanner: found spots are rewritten, and the result rescans clean. */
class RewritersTest {
    private static final Detector DETECTOR = new Detector(RuleLoader.bundled(), SecretHasher.defaultKey());

    static Stream<RewriteCase> cases() {
        return RewriteCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRewriteEveryFoundValueAndRescanClean(RewriteCase c) throws Exception {
        String text = c.text();
        List<Spot> spots = spots(c, text);
        assertThat(spots).as("%s: one spot per planted value", c).hasSize(c.planted().size());
        Rewriter rewriter = Rewriters.forPath(c.path()).orElseThrow();
        assertThat(rewriter.fileType()).isEqualTo(c.fileType());

        Rewrite rewrite = rewriter.rewrite(text, spots);

        assertThat(rewrite.skipped()).as("%s: skipped", c).isEmpty();
        assertThat(rewrite.replaced()).isEqualTo(spots.size());
        assertThat(DETECTOR.detect(Fragment.of(rewrite.text(), c.path()))).as("%s: rescan", c).isEmpty();
        assertThat(rewrite.text().lines().map(String::strip)).as("%s: rewritten lines", c).containsAll(c.expected());
        assertOnlySpotLinesChanged(c, text, rewrite.text(), spots);
        assertParses(c, rewrite.text());
        assertNoValue(c, rewrite.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldChangeNothingWhenRewritingARewrittenFile(RewriteCase c) {
        String text = c.text();
        List<Spot> spots = spots(c, text);
        Rewriter rewriter = Rewriters.forPath(c.path()).orElseThrow();
        String once = rewriter.rewrite(text, spots).text();

        Rewrite twice = rewriter.rewrite(once, spots);

        assertThat(twice.text()).isEqualTo(once);
        assertThat(twice.replaced()).isZero();
        assertThat(twice.skipped()).hasSize(spots.size()).allMatch(reason -> reason.contains("no longer there"));
        assertNoValue(c, String.join("\n", twice.skipped()));
    }

    @Test
    void shouldCoverEveryRegisteredRewriterWithACase() {
        Set<String> covered = cases().map(RewriteCase::fileType).collect(Collectors.toSet());

        assertThat(Rewriters.all()).extracting(Rewriter::fileType).containsAll(covered)
                .allMatch(covered::contains, "covered by a case");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Jenkinsfile, jenkinsfile", "ci/Jenkinsfile.nightly, jenkinsfile", "ci/deploy.jenkinsfile, jenkinsfile",
            ".github/workflows/ci.yml, github-actions", "svc/.github/workflows/ci.yaml, github-actions",
            ".gitlab-ci.yml, gitlab-ci", "ci/deploy.gitlab-ci.yml, gitlab-ci", ".gitlab/ci/build.yml, gitlab-ci",
            "Dockerfile, dockerfile", "docker/Dockerfile.prod, dockerfile", "api.dockerfile, dockerfile",
            "docker-compose.yml, compose", "compose.override.yaml, compose", ".env, dotenv", ".env.local, dotenv",
            "deploy/prod.env, dotenv", "bin/run.sh, shell", "x.zsh, shell", "x.ksh, shell",
            "app.properties, properties", "package.json, json", "pom.xml, xml", "Web.config, xml",
            "app.toml, toml", "php.ini, ini", "k8s/deployment.yaml, yaml", ".github/dependabot.yml, yaml"})
    void shouldPickTheMostSpecificRewriterForAPath(String path, String fileType) {
        assertThat(Rewriters.forPath(path)).map(Rewriter::fileType).hasValue(fileType);
    }

    @ParameterizedTest
    @CsvSource({"vars/deploy.groovy", "README.md", "src/Main.java"})
    void shouldLeaveOtherFilesToAManualChange(String path) {
        assertThat(Rewriters.forPath(path)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Jenkinsfile | credentials('db-password')", ".github/workflows/ci.yml | ${{ secrets.DB_PASSWORD }}",
            ".gitlab-ci.yml | $DB_PASSWORD", ".env | ${DB_PASSWORD}", "run.sh | \"$DB_PASSWORD\"",
            "Dockerfile | ${DB_PASSWORD}", "application.properties | ${DB_PASSWORD}"})
    void shouldShowTheReferenceEachFileTypeUses(String path, String reference) {
        assertThat(Rewriters.forPath(path).orElseThrow().reference("DB_PASSWORD")).isEqualTo(reference);
    }

    /** The spots the scanner reports, as the migration plan hands them over. */
    static List<Spot> spots(RewriteCase c, String text) {
        return DETECTOR.detect(Fragment.of(text, c.path())).stream().map(f -> spot(c, f)).toList();
    }

    private static Spot spot(RewriteCase c, Finding f) {
        Location at = f.location();
        return new Spot(at.startLine(), at.startColumn(), at.endLine(), at.endColumn(), f.secret(),
                c.nameOf(f.secret().reveal()), "");
    }

    /** Old lines that changed are exactly the spots' lines; new lines are those plus the case's added ones. */
    private static void assertOnlySpotLinesChanged(RewriteCase c, String before, String after, List<Spot> spots) {
        LineDiff diff = LineDiff.of(before, after);
        Set<Integer> spotLines = spots.stream().map(Spot::line).collect(Collectors.toCollection(TreeSet::new));
        assertThat(diff.removedLines()).as("%s: changed lines", c).isEqualTo(spotLines);
        assertThat(diff.addedCount()).as("%s: added lines", c).isEqualTo(spotLines.size() + c.addedLines());
        if (before.contains("\r\n")) {
            assertThat(after.replace("\r\n", "")).as("%s: CRLF kept", c).doesNotContain("\n");
        }
    }

    private static void assertParses(RewriteCase c, String text) throws Exception {
        JsonNode tree = null;
        if (c.path().endsWith(".yml") || c.path().endsWith(".yaml")) {
            tree = new YAMLMapper().readTree(text);
        } else if (c.path().endsWith(".json")) {
            tree = new ObjectMapper().readTree(text);
        }
        if (c.pointer() != null) {
            assertThat(tree).isNotNull();
            assertThat(tree.at(c.pointer()).asText()).isEqualTo(c.pointerValue());
        }
    }

    static void assertNoValue(RewriteCase c, String shown) {
        c.planted().values().forEach(p -> assertThat(shown.contains(p.value())).as("%s: value shown", c).isFalse());
    }

    /** A line diff by longest common subsequence: which old lines (1-based) went, how many new lines came. */
    record LineDiff(Set<Integer> removedLines, int addedCount) {
        static LineDiff of(String before, String after) {
            String[] a = before.split("(?<=\n)");
            String[] b = after.split("(?<=\n)");
            int[][] lcs = new int[a.length + 1][b.length + 1];
            for (int i = a.length - 1; i >= 0; i--) {
                for (int j = b.length - 1; j >= 0; j--) {
                    lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            Set<Integer> removed = new TreeSet<>();
            int i = 0;
            int j = 0;
            while (i < a.length && j < b.length) {
                if (a[i].equals(b[j])) {
                    i++;
                    j++;
                } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                    removed.add(++i);
                } else {
                    j++;
                }
            }
            while (i < a.length) {
                removed.add(++i);
            }
            return new LineDiff(removed, b.length - (a.length - removed.size()));
        }
    }
}
