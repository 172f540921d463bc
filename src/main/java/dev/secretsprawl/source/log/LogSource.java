package dev.secretsprawl.source.log;

import dev.secretsprawl.scan.FragmentSink;
import dev.secretsprawl.scan.Source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CI build log (a file, or standard input) as a source: read once, front to back, in constant memory.
 * Findings carry the log's name as their path and the original line and column.
 */
public final class LogSource implements Source {
    private final InputStream in;
    private final String name;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();

    /**
     * @param in   the log, read once by {@link #run}, which closes it
     * @param name the log's name in reports: its file name, or "stdin"
     */
    public LogSource(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public void run(FragmentSink sink) throws IOException {
        try (in) {
            lines.set(LogFragments.read(in, name, Map.of(), sink, bytes::set));
        }
    }

    /** Lines read, once {@link #run} has returned. */
    public long lines() {
        return lines.get();
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public String progress() {
        return String.format("%,.1f MB read", bytes.get() / 1e6);
    }
}
