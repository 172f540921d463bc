package dev.secretsprawl.scan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest {
    @Test
    void shouldShowAtMostAQuarterOfTheValue() {
        assertThat(new Secret("ghp_" + "a1B2c3D4e5".repeat(3) + "3f9a").preview()).isEqualTo("ghp_…3f9a");
        assertThat(new Secret("q8ZmY2vLx0Rk4Tn6p3w5s7").preview()).isEqualTo("…w5s7");
        assertThat(new Secret("hunter2hunter2").preview()).isEqualTo("…(14 chars)");
    }

    @Test
    void shouldNeverSplitASurrogatePair() {
        String emoji = "\uD83D\uDD11";
        String value = emoji + "q8ZmY2vLx0Rk4Tn6p3w5s7u9a1c3e5g7" + emoji;
        String preview = new Secret(value).preview();
        assertThat(preview).startsWith(emoji).endsWith(emoji);
        assertThat(preview.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
    }

    @Test
    void shouldNeverShowTheValueInToString() {
        assertThat(new Secret("q8ZmY2vLx0Rk4Tn6").toString()).isEqualTo("Secret[redacted]");
    }
}
