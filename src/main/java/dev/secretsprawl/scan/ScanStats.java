package dev.secretsprawl.scan;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters a scan keeps: what was scanned and what was skipped, by reason. Thread-safe. */
public final class ScanStats {
    private final AtomicLong fragments = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();

    public void scanned(long byteCount) {
        fragments.incrementAndGet();
        bytes.addAndGet(byteCount);
    }

    public void skipped(String reason) {
        skipped.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    public long fragments() {
        return fragments.get();
    }

    public long bytes() {
        return bytes.get();
    }

    /** Skip counts by reason, sorted by reason. */
    public Map<String, Long> skippedByReason() {
        Map<String, Long> out = new TreeMap<>();
        skipped.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
