package dev.secretsprawl.verify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssuerRateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> sleeps = new ArrayList<>();
    private final IssuerRateLimit limit = new IssuerRateLimit(5, now::get, sleeps::add);

    @Test
    void shouldSpaceCallsToOneIssuerByTheInterval() throws InterruptedException {
        limit.acquire("github");
        limit.acquire("github");
        limit.acquire("github");
        assertThat(sleeps).containsExactly(200_000_000L, 400_000_000L);
    }

    @Test
    void shouldNotMakeOneIssuerWaitForAnother() throws InterruptedException {
        limit.acquire("github");
        limit.acquire("slack");
        limit.acquire("gitlab");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldNotWaitOnceTheIntervalHasPassed() throws InterruptedException {
        limit.acquire("github");
        now.addAndGet(250_000_000L);
        limit.acquire("github");
        now.addAndGet(50_000_000L);
        limit.acquire("github");
        assertThat(sleeps).containsExactly(150_000_000L);
    }

    @Test
    void shouldRefuseANonPositiveRate() {
        assertThatThrownBy(() -> new IssuerRateLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
