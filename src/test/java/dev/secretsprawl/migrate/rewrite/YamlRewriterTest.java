package dev.secretsprawl.migrate.rewrite;

import dev.secretsprawl.scan.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.secretsprawl.migrate.rewrite.RewriteCase.one;
import static dev.secretsprawl.migrate.rewrite.RewriteCase.plant;
import static org.assertj.core.api.Assertions.assertThat;

class YamlRewriterTest {
    @Test
    void shouldRefuseAWorkflowReferenceToAReservedGitHubSecretName() {
        RewriteCase c = new RewriteCase("reserved", ".github/workflows/tag.yml", "github-actions", """
                jobs:
                  tag:
                    runs-on: ubuntu-latest
                    env:
                      GH_TOKEN: {{V}}
                """, one(plant("github-pat", "GITHUB_TOKEN")), List.of(), 0, null, null);
        String text = c.text();

        Rewrite rewrite = YamlRewriter.githubActions().rewrite(text, RewritersTest.spots(c, text));

        assertThat(rewrite.text()).isEqualTo(text);
        assertThat(rewrite.skipped()).singleElement().asString().contains("GitHub reserves");
        RewritersTest.assertNoValue(c, rewrite.skipped() + rewrite.toString());
    }

    @Test
    void shouldBraceAGitLabVariableFollowedByANameCharacter() {
        String value = plant("password", "DB_PASSWORD").value();
        String text = "variables:\n  DB_URL: postgres://app:" + value + "_x@db/app\n";
        int column = text.lines().toList().get(1).indexOf(value) + 1;
        Spot spot = new Spot(2, column, 2, column + value.length(), new Secret(value), "DB_PASSWORD", "");

        Rewrite rewrite = YamlRewriter.gitlabCi().rewrite(text, List.of(spot));

        assertThat(rewrite.text()).isEqualTo("variables:\n  DB_URL: postgres://app:${DB_PASSWORD}_x@db/app\n");
    }

    @Test
    void shouldRefuseAGitLabScriptValueInShellSingleQuotesInsideAQuotedScalar() {
        RewriteCase c = new RewriteCase("quoted script", ".gitlab-ci.yml", "gitlab-ci", """
                notify:
                  script:
                    - "curl -fsS -H 'PRIVATE-TOKEN: {{V}}' https://gitlab.example.org/api/v4/user"
                """, one(plant("gitlab-pat", "GITLAB_TOKEN")), List.of(), 0, null, null);
        String text = c.text();

        Rewrite rewrite = YamlRewriter.gitlabCi().rewrite(text, RewritersTest.spots(c, text));

        assertThat(rewrite.text()).isEqualTo(text);
        assertThat(rewrite.skipped()).singleElement().asString().contains("shell would not expand");
        RewritersTest.assertNoValue(c, rewrite.skipped().toString());
    }
}
