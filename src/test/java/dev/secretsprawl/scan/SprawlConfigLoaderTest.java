package dev.secretsprawl.scan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SprawlConfigLoaderTest {
    @Test
    void shouldReadIgnoresAllowlistAndExtraRules() {
        SprawlConfig config = SprawlConfigLoader.parse("""
                [paths]
                ignore = ["docs/**", "*.min.js"]

                [[allowlist]]
                rule = "github-pat-classic"
                path = "test/fixtures/**"
                owner = "platform-team"
                reason = "revoked token kept as a parser fixture"
                expires = 2027-03-31

                [[rules]]
                id = "acme-internal-token"
                description = "ACME internal API token"
                regex = '''\\b(acme_[a-z0-9]{32})\\b'''
                secretGroup = 1
                keywords = ["acme_"]
                match = ["acme_0123456789abcdefghij0123456789ab"]
                nomatch = ["acme_short"]
                """, ".sprawl.toml");
        assertThat(config.ignored("docs/guide.md")).isTrue();
        assertThat(config.ignored("web/app.min.js")).isTrue();
        assertThat(config.ignored("src/app.js")).isFalse();
        assertThat(config.allowlist()).singleElement().satisfies(e -> {
            assertThat(e.owner()).isEqualTo("platform-team");
            assertThat(e.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(e.path().matches("test/fixtures/a.json")).isTrue();
        });
        assertThat(config.extraRules()).extracting(r -> r.id()).containsExactly("acme-internal-token");
    }

    @Test
    void shouldRequireOwnerReasonAndExpiryOnEveryAllowlistEntry() {
        assertThatThrownBy(() -> SprawlConfigLoader.parse("""
                [[allowlist]]
                rule = "github-pat-classic"
                reason = "fixture"
                """, ".sprawl.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(".sprawl.toml [[allowlist]] #1")
                .hasMessageContaining("missing owner, expires");
    }

    @Test
    void shouldRequireAnEntryToSayWhatItAllows() {
        assertThatThrownBy(() -> SprawlConfigLoader.parse("""
                [[allowlist]]
                owner = "a"
                reason = "b"
                expires = 2027-01-01
                """, "c.toml")).hasMessageContaining("fingerprint");
    }

    @Test
    void shouldQuoteNoValueOfABrokenConfig() {
        String token = new dev.secretsprawl.testing.SyntheticCredentials(2).next("github-pat");
        assertThatThrownBy(() -> SprawlConfigLoader.parse("[paths]\nignore = \"" + token + "\"\n", ".sprawl.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("wrong kind of value for 'paths.ignore'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token.substring(4)));
    }

    @Test
    void shouldExplainBadDatesAndUnknownSections() {
        assertThatThrownBy(() -> SprawlConfigLoader.parse("""
                [[allowlist]]
                rule = "x"
                owner = "a"
                reason = "b"
                expires = "next week"
                """, "c.toml")).hasMessageContaining("expires must be a date like 2027-03-31");
        assertThatThrownBy(() -> SprawlConfigLoader.parse("[pathz]\nignore = []\n", "c.toml"))
                .hasMessageContaining("known sections");
    }
}
