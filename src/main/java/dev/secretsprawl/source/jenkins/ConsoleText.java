package dev.secretsprawl.source.jenkins;

import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.FragmentSink;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A build's console text as fragments, read as a stream: a multi-gigabyte log never sits in memory.
 * The one seam between Jenkins and log handling; {@code source.log.LogFragments} (which also strips ANSI
 * codes and timestamps) is meant to replace the body of {@link #fragments}.
 */
public final class ConsoleText {
    static final int CHUNK_CHARS = 256 * 1024;
    /** A single line longer than this is cut, and goes on in the next fragment under the same line number. */
    static final int MAX_CHUNK_CHARS = 1024 * 1024;

    private ConsoleText() {
    }

    /**
     * Reads {@code in} (UTF-8, malformed bytes replaced) to its end and pushes fragments of about
     * {@link #CHUNK_CHARS} characters that end at line boundaries, each with its first line's number.
     *
     * @return the number of lines read
     */
    public static long fragments(InputStream in, String path, Map<String, String> properties, FragmentSink sink)
            throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[64 * 1024];
        StringBuilder pending = new StringBuilder();
        int line = 1;
        for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
            pending.append(buffer, 0, n);
            for (int cut = cut(pending); cut > 0; cut = cut(pending)) {
                line = emit(pending, cut, line, path, properties, sink);
            }
        }
        if (pending.length() == 0) {
            return line - 1;
        }
        boolean lastLineEnded = pending.charAt(pending.length() - 1) == '\n';
        line = emit(pending, pending.length(), line, path, properties, sink);
        return lastLineEnded ? line - 1 : line;
    }

    /** Where the next fragment ends: after the last newline once enough text is pending; 0 to read on. */
    private static int cut(StringBuilder pending) {
        if (pending.length() < CHUNK_CHARS) {
            return 0;
        }
        int newline = pending.lastIndexOf("\n", Math.min(pending.length(), MAX_CHUNK_CHARS) - 1);
        if (newline >= 0) {
            return newline + 1;
        }
        if (pending.length() < MAX_CHUNK_CHARS) {
            return 0;
        }
        // never split a surrogate pair
        return Character.isHighSurrogate(pending.charAt(MAX_CHUNK_CHARS - 1)) ? MAX_CHUNK_CHARS - 1 : MAX_CHUNK_CHARS;
    }

    /** Pushes the first {@code end} pending characters; returns the line number the rest starts on. */
    private static int emit(StringBuilder pending, int end, int firstLine, String path, Map<String, String> properties,
                            FragmentSink sink) {
        String text = pending.substring(0, end);
        pending.delete(0, end);
        sink.accept(new Fragment(text, path, firstLine, properties));
        return firstLine + (int) text.chars().filter(c -> c == '\n').count();
    }
}
