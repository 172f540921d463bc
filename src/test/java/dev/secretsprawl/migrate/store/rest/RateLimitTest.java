package dev.secretsprawl.migrate.store.rest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate-limit answers GitHub, GitLab and Slack document, and the waits they ask for. */
class RateLimitTest {
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private static Function<String, Optional<String>> headers(Map<String, String> h) {
        return name -> Optional.ofNullable(h.get(name));
    }

    @Test
    void shouldTellALimitFromARefusal() {
        assertThat(RateLimit.limited(429, headers(Map.of()), "")).isTrue();
        assertThat(RateLimit.limited(403, headers(Map.of("x-ratelimit-remaining", "0")), "")).isTrue();
        assertThat(RateLimit.limited(403, headers(Map.of()), "{\"message\":\"You have exceeded a secondary rate limit\"}")).isTrue();
        assertThat(RateLimit.limited(403, headers(Map.of("x-ratelimit-remaining", "4999")), "{\"message\":\"Forbidden\"}")).isFalse();
        assertThat(RateLimit.limited(401, headers(Map.of("retry-after", "1")), "")).isFalse();
    }

    @Test
    void shouldReadTheWaitFromRetryAfterOrTheResetTime() {
        assertThat(RateLimit.wait(headers(Map.of("retry-after", "30")), NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RateLimit.wait(headers(Map.of("retry-after", "Mon, 30 Nov 2026 03:00:20 GMT")), NOW))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(RateLimit.wait(headers(Map.of("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 90))), NOW))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(RateLimit.wait(headers(Map.of("ratelimit-reset", Long.toString(NOW.getEpochSecond() - 5))), NOW))
                .isEqualTo(Duration.ZERO);
        assertThat(RateLimit.wait(headers(Map.of()), NOW)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldAdviseInSecondsOrAtAClockTime() {
        assertThat(RateLimit.advice(Duration.ofSeconds(42), NOW)).isEqualTo("retry in about 42 s");
        assertThat(RateLimit.advice(Duration.ofMinutes(65), NOW)).isEqualTo("retry after 04:05 UTC");
    }
}
