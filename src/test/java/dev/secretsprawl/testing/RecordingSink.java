package dev.secretsprawl.testing;

import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.FragmentSink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A sink that keeps what a source pushed, for tests of sources. Thread-safe like the scanner's. */
public final class RecordingSink implements FragmentSink {
    public final List<Fragment> fragments = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, Integer> skipped = new ConcurrentHashMap<>();
    public final List<String> skipDetails = Collections.synchronizedList(new ArrayList<>());
    public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(Fragment fragment) {
        fragments.add(fragment);
    }

    @Override
    public void skipped(String reason, String path, String detail) {
        skipped.merge(reason, 1, Integer::sum);
        if (detail != null) {
            skipDetails.add(detail);
        }
    }

    @Override
    public void warn(String reason, String message) {
        warnings.add(reason + ": " + message);
    }
}
