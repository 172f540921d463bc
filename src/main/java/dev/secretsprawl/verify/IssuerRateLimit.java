package dev.secretsprawl.verify;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most N calls per second to each issuer, whatever the concurrency: verifying a big estate must not
 * look like an attack on an issuer, nor burn its rate limit for the owner's real traffic.
 */
final class IssuerRateLimit {
    private final long intervalNanos;
    private final ConcurrentMap<String, long[]> nextSlot = new ConcurrentHashMap<>();

    IssuerRateLimit(double callsPerSecond) {
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("the rate limit must be above 0 calls per second");
        }
        this.intervalNanos = (long) (1_000_000_000L / callsPerSecond);
    }

    /** Waits for this issuer's next free slot. */
    void acquire(String issuer) throws InterruptedException {
        long[] slot = nextSlot.computeIfAbsent(issuer, k -> new long[] {0});
        long wait;
        synchronized (slot) {
            long now = System.nanoTime();
            long at = Math.max(now, slot[0]);
            slot[0] = at + intervalNanos;
            wait = at - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
