package dev.secretsprawl.verify.api;

import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JenkinsNeighboursTest {
    private final String token = new SyntheticCredentials(106).next("jenkins-api-token");

    @Test
    void shouldTakeUserAndBaseUrlFromAUrlHoldingTheToken() {
        String text = "curl -X POST https://deploy:" + token + "@jenkins.acme.io/jenkins/job/app/build?delay=0\n";

        assertThat(JenkinsNeighbours.find(text, token))
                .contains(new JenkinsNeighbours.Target(URI.create("https://jenkins.acme.io/jenkins"), "deploy"));
    }

    @Test
    void shouldDecodeAPercentEncodedUserAndDropTheJenkinsPageFromTheUrl() {
        String text = "JENKINS_URL=\"http://ci%40acme:" + token + "@build-jenkins.internal:8080/\"\n";

        assertThat(JenkinsNeighbours.find(text, token))
                .contains(new JenkinsNeighbours.Target(URI.create("http://build-jenkins.internal:8080"), "ci@acme"));
    }

    @Test
    void shouldReadJenkinsSettingsAndIgnoreOtherUrlsAndTokenNamedKeys() {
        String text = """
                WEBHOOK_URL=https://evil.invalid/collect
                gitlab-runner register --url https://gitlab.example.org --token x
                JENKINS_USER_TOKEN_NAME=ci
                jenkins.url: https://ci.example.org/view/all/
                jenkins.username: builder
                jenkins.apiToken: %s
                """.formatted(token);

        assertThat(JenkinsNeighbours.find(text, token))
                .contains(new JenkinsNeighbours.Target(URI.create("https://ci.example.org"), "builder"));
    }

    @Test
    void shouldIgnoreAUrlFlagOnALineThatIsNotAboutJenkins() {
        String text = "deploy --url https://evil.invalid/collect --user bob\nJENKINS_API_TOKEN=" + token + "\n";

        assertThat(JenkinsNeighbours.url(text, token)).isEqualTo(Optional.empty());
        assertThat(JenkinsNeighbours.user(text, token)).isEqualTo(Optional.empty());
    }

    @Test
    void shouldPreferTheJenkinsOfTheCommandHoldingTheTokenOverANearbySetting() {
        String text = "JENKINS_URL=https://old-ci.example.org/\njava -jar jenkins-cli.jar -s https://ci.example.org/ -auth release:"
                + token + " build app\n";

        assertThat(JenkinsNeighbours.url(text, token)).contains(URI.create("https://ci.example.org"));
    }

    @Test
    void shouldTellAUserWrittenAsTheTokensOwnFromAGuess() {
        assertThat(JenkinsNeighbours.namedUser("https://deploy:" + token + "@jenkins.acme.io/\n", token))
                .contains(new JenkinsNeighbours.User("deploy", true));
        assertThat(JenkinsNeighbours.namedUser("jenkins-cli -s https://ci.acme.io -auth deploy:" + token + " who-am-i\n", token))
                .contains(new JenkinsNeighbours.User("deploy", true));
        assertThat(JenkinsNeighbours.namedUser("export JENKINS_USER=deploy\nexport JENKINS_TOKEN=" + token + "\n", token))
                .contains(new JenkinsNeighbours.User("deploy", true));
        assertThat(JenkinsNeighbours.namedUser("jenkins-jobs --username deploy update\nJENKINS_TOKEN=" + token + "\n", token))
                .contains(new JenkinsNeighbours.User("deploy", true));
        assertThat(JenkinsNeighbours.namedUser("JENKINS_LOGIN=deploy\nJENKINS_TOKEN=" + token + "\n", token))
                .contains(new JenkinsNeighbours.User("deploy", false));
        assertThat(JenkinsNeighbours.namedUser("jenkins-jobs --user deploy update\nJENKINS_TOKEN=" + token + "\n", token))
                .contains(new JenkinsNeighbours.User("deploy", false));
    }
}
