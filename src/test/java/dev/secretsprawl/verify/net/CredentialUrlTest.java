package dev.secretsprawl.verify.net;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords are joined into the URLs at run time: the repository's self-scan must find no URL with one. */
class CredentialUrlTest {
    private static final Set<String> REDIS = Set.of("redis", "rediss");
    private static final String PASSWORD = String.join("", "Kq7", "#v!", "Zr2");

    @Test
    void shouldFindTheUrlHoldingTheSecretAmongOthers() {
        String text = "A=redis://:" + "other@one.internal:6379\nB=rediss://app:" + PASSWORD + "@two.internal:6380/2?ssl=true\n";
        assertThat(CredentialUrl.find(text, PASSWORD, REDIS))
                .contains(new CredentialUrl("rediss", "app", PASSWORD, "two.internal", 6380, "/2"));
    }

    @Test
    void shouldDecodeUserAndPasswordButKeepAStrayPercentAsWritten() {
        String encoded = String.join("%", "p", "23ss", "2Fw9Lq");
        String text = "redis://a%40b:" + encoded + "@h:1";
        assertThat(CredentialUrl.find(text, encoded, REDIS).map(CredentialUrl::password)).contains("p#ss/w9Lq");
        assertThat(CredentialUrl.find(text, encoded, REDIS).map(CredentialUrl::user)).contains("a@b");
        assertThat(CredentialUrl.decode("100%zz")).isEqualTo("100%zz");
    }

    @Test
    void shouldReadIpv6HostsAndMissingPorts() {
        assertThat(CredentialUrl.find("redis://:" + PASSWORD + "@[::1]/0", PASSWORD, REDIS))
                .contains(new CredentialUrl("redis", "", PASSWORD, "[::1]", -1, "/0"));
    }

    @Test
    void shouldFindNothingForAPlaceholderHostOrAnotherScheme() {
        assertThat(CredentialUrl.find("redis://:" + PASSWORD + "@${REDIS_HOST}:6379", PASSWORD, REDIS)).isEmpty();
        assertThat(CredentialUrl.find("redis://:" + PASSWORD + "@cache$SUFFIX:6379", PASSWORD, REDIS)).isEmpty();
        assertThat(CredentialUrl.find("amqp://u:" + PASSWORD + "@broker:5672", PASSWORD, REDIS)).isEmpty();
    }

    @Test
    void shouldNeverShowThePasswordWhenPrinted() {
        assertThat(new CredentialUrl("redis", "app", PASSWORD, "h", 1, "/0").toString()).doesNotContain(PASSWORD);
    }

    @Test
    void shouldKnowDocumentationHostsButNotLocalOnes() {
        assertThat(DocumentationHosts.isDocumentation("api.example.com")).isTrue();
        assertThat(DocumentationHosts.isDocumentation("Example.ORG")).isTrue();
        assertThat(DocumentationHosts.isDocumentation("ci.test")).isTrue();
        assertThat(DocumentationHosts.isDocumentation("localhost")).isFalse();
        assertThat(DocumentationHosts.isDocumentation("test")).isFalse();
        assertThat(DocumentationHosts.isDocumentation("myexample.com")).isFalse();
    }
}
