package dev.secretsprawl.migrate.rewrite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.secretsprawl.migrate.rewrite.RewriteCase.one;
import static dev.secretsprawl.migrate.rewrite.RewriteCase.plant;
import static org.assertj.core.api.Assertions.assertThat;

class JenkinsfileRewriterTest {
    private final JenkinsfileRewriter rewriter = new JenkinsfileRewriter();

    @Test
    void shouldLeaveAScriptedPipelineToAManualChange() {
        RewriteCase c = jenkinsfile("""
                node {
                    stage('Tag') {
                        sh "curl -fsS -H 'Authorization: token {{V}}' https://api.github.com/user"
                    }
                }
                """);
        String text = c.text();

        Rewrite rewrite = rewriter.rewrite(text, RewritersTest.spots(c, text));

        assertThat(rewrite.text()).isEqualTo(text);
        assertThat(rewrite.replaced()).isZero();
        assertThat(rewrite.skipped()).singleElement().asString().contains("withCredentials");
        RewritersTest.assertNoValue(c, String.join("\n", rewrite.skipped()));
        RewritersTest.assertNoValue(c, rewrite.toString());
    }

    @Test
    void shouldDeclareACredentialUsedTwiceOnce() {
        RewriteCase c = jenkinsfile("""
                pipeline {
                    agent any
                    stages {
                        stage('Tag') {
                            steps {
                                sh 'gh release create v1 --token {{V}}'
                                sh "git push https://x-access-token:{{V}}@github.com/org/repo.git v1"
                            }
                        }
                    }
                }
                """);
        String text = c.text();

        Rewrite rewrite = rewriter.rewrite(text, RewritersTest.spots(c, text));

        assertThat(rewrite.replaced()).isEqualTo(2);
        assertThat(rewrite.text()).containsOnlyOnce("GITHUB_TOKEN = credentials('github-token')")
                .contains("sh 'gh release create v1 --token $GITHUB_TOKEN'")
                .contains("https://x-access-token:\\$GITHUB_TOKEN@github.com");
        RewritersTest.assertNoValue(c, rewrite.text());
    }

    @Test
    void shouldKeepAnEnvironmentLineThatAlreadyDeclaresTheCredential() {
        RewriteCase c = jenkinsfile("""
                pipeline {
                    agent any
                    environment {
                        GITHUB_TOKEN = credentials('github-token')
                    }
                    stages {
                        stage('Tag') { steps { sh 'gh release create v1 --token {{V}}' } }
                    }
                }
                """);
        String text = c.text();

        Rewrite rewrite = rewriter.rewrite(text, RewritersTest.spots(c, text));

        assertThat(rewrite.text()).containsOnlyOnce("credentials('github-token')")
                .isEqualTo(text.replace(c.planted().get("V").value(), "$GITHUB_TOKEN"));
    }

    @Test
    void shouldCreateTheEnvironmentBlockAfterAMultiLineAgent() {
        RewriteCase c = jenkinsfile("""
                pipeline {
                  agent {
                    docker { image 'alpine:3' }
                  }
                  stages {
                    stage('Tag') { steps { sh(script: 'gh release create v1 --token {{V}}') } }
                  }
                }
                """);
        String text = c.text();

        Rewrite rewrite = rewriter.rewrite(text, RewritersTest.spots(c, text));

        assertThat(rewrite.text()).isEqualTo("""
                pipeline {
                  agent {
                    docker { image 'alpine:3' }
                  }
                  environment {
                    GITHUB_TOKEN = credentials('github-token')
                  }
                  stages {
                    stage('Tag') { steps { sh(script: 'gh release create v1 --token $GITHUB_TOKEN') } }
                  }
                }
                """);
    }

    @Test
    void shouldOpenUpAOneLineEnvironmentBlock() {
        RewriteCase c = jenkinsfile("""
                pipeline {
                    agent any
                    environment { CI = 'true' }
                    stages { stage('Tag') { steps { sh 'gh release create v1 --token {{V}}' } } }
                }
                """);
        String text = c.text();

        Rewrite rewrite = rewriter.rewrite(text, RewritersTest.spots(c, text));

        assertThat(rewrite.text()).isEqualTo("""
                pipeline {
                    agent any
                    environment {
                        GITHUB_TOKEN = credentials('github-token')
                        CI = 'true' }
                    stages { stage('Tag') { steps { sh 'gh release create v1 --token $GITHUB_TOKEN' } } }
                }
                """);
    }

    @Test
    void shouldNameTheJenkinsCredentialAfterTheCredentialName() {
        assertThat(JenkinsfileRewriter.credentialId("DB_PASSWORD")).isEqualTo("db-password");
        assertThat(rewriter.reference("DB_PASSWORD")).isEqualTo("credentials('db-password')");
    }

    private static RewriteCase jenkinsfile(String template) {
        return new RewriteCase("Jenkinsfile", "Jenkinsfile", "jenkinsfile", template,
                one(plant("github-pat", "GITHUB_TOKEN")), List.of(), 0, null, null);
    }
}
