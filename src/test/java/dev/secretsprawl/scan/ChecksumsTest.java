package dev.secretsprawl.scan;

import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksumsTest {
    private final SyntheticCredentials tokens = new SyntheticCredentials(42);

    @Test
    void shouldAcceptTokensWhoseLastSixCharactersEncodeTheCrc32() {
        String token = tokens.next("github-pat");
        assertThat(token).hasSize(40).startsWith("ghp_");
        assertThat(Checksums.valid("github-crc32", token)).isTrue();
        assertThat(Checksums.valid("npm-crc32", Checksums.withCrc32("npm_", tokens.base62(30)))).isTrue();
    }

    @Test
    void shouldRejectATokenWithOneCharacterChanged() {
        String token = tokens.next("github-pat");
        char last = token.charAt(10);
        String altered = token.substring(0, 10) + (last == 'a' ? 'b' : 'a') + token.substring(11);
        assertThat(Checksums.valid("github-crc32", altered)).isFalse();
    }

    @Test
    void shouldRejectMalformedTokens() {
        assertThat(Checksums.valid("github-crc32", "ghp_")).isFalse();
        assertThat(Checksums.valid("github-crc32", "nounderscore")).isFalse();
    }

    @Test
    void shouldRefuseUnknownChecksumNames() {
        assertThatThrownBy(() -> Checksums.valid("md5", "x_y")).hasMessageContaining("unknown checksum");
    }
}
