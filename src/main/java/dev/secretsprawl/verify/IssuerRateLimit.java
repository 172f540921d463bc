package dev.secretsprawl.verify;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * At most N calls per second to each issuer, whatever the concurrency: verifying a big estate must not
 * look like an attack on an issuer, nor burn its rate limit for the owner's real traffic.
 */
final class IssuerRateLimit {
    /** Waits a number of nanoseconds (a test records it instead). */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final ConcurrentMap<String, long[]> nextSlot = new ConcurrentHashMap<>();

    IssuerRateLimit(double callsPerSecond) {
        this(callsPerSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    IssuerRateLimit(double callsPerSecond, LongSupplier clock, Sleeper sleeper) {
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("the rate limit must be above 0 calls per second");
        }
        this.intervalNanos = (long) (1_000_000_000L / callsPerSecond);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits for this issuer's next free slot. */
    void acquire(String issuer) throws InterruptedException {
        long[] slot = nextSlot.computeIfAbsent(issuer, k -> new long[] {0});
        long wait;
        synchronized (slot) {
            long now = clock.getAsLong();
            long at = Math.max(now, slot[0]);
            slot[0] = at + intervalNanos;
            wait = at - now;
        }
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }
}
