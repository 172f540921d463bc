package dev.secretsprawl.source.log;

import dev.secretsprawl.scan.ColumnMap;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.FragmentSink;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Turns a log stream into fragments of cleaned lines ({@link LogLineCleaner}) with constant memory:
 * chunks of about {@link #CHUNK_CHARS} characters, each starting with the last {@link #CONTEXT_LINES}
 * lines of the previous one as context, so a private key block cut by a chunk boundary is still seen
 * whole and reported once. Findings point at the original line and column.
 */
public final class LogFragments {
    static final int CHUNK_CHARS = 256 * 1024;
    static final int CONTEXT_LINES = 64;

    private final String path;
    private final Map<String, String> properties;
    private final FragmentSink sink;
    private final ArrayDeque<CleanLine> context = new ArrayDeque<>();
    private final List<CleanLine> chunk = new ArrayList<>();
    private int chunkChars;
    private long chunkFirstLine = 1;
    private long reportFrom = 1;

    private LogFragments(String path, Map<String, String> properties, FragmentSink sink) {
        this.path = path;
        this.properties = properties;
        this.sink = sink;
    }

    /**
     * Reads {@code in} to its end and pushes its fragments to {@code sink}.
     *
     * @param progress told the number of bytes read so far after each line (may be null)
     * @return the number of lines read
     */
    public static long read(InputStream in, String path, Map<String, String> properties, FragmentSink sink,
                            LongConsumer progress) throws IOException {
        LogFragments fragments = new LogFragments(path, properties, sink);
        LogLines lines = new LogLines(in);
        long count = 0;
        for (LogLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.lastPiece() && line.startColumn() == 1) {
                fragments.add(line);
            } else {
                fragments.addPiece(line);
            }
            if (line.lastPiece()) {
                count++;
            }
            if (progress != null) {
                progress.accept(lines.bytesRead());
            }
        }
        fragments.flush(false);
        return count;
    }

    private void add(LogLines.Line line) {
        if (chunk.isEmpty()) {
            chunkFirstLine = line.number() - context.size();
            reportFrom = line.number();
        }
        CleanLine clean = LogLineCleaner.clean(line.text(), line.plain());
        chunk.add(clean);
        chunkChars += clean.text().length() + 1;
        if (chunkChars >= CHUNK_CHARS) {
            flush(true);
        }
    }

    /** A piece of an over-long line is scanned on its own, at its column; context does not span it. */
    private void addPiece(LogLines.Line piece) {
        flush(false);
        CleanLine clean = LogLineCleaner.clean(piece.text());
        int offset = piece.startColumn() - 1;
        ColumnMap columns = (lineIndex, column) -> clean.originalIndex(column - 1) + 1 + offset;
        sink.accept(new Fragment(clean.text(), path, lineNumber(piece.number()), properties, 0, columns));
    }

    private void flush(boolean keepContext) {
        if (chunk.isEmpty()) {
            if (!keepContext) {
                context.clear();
            }
            return;
        }
        List<CleanLine> lines = new ArrayList<>(context.size() + chunk.size());
        lines.addAll(context);
        lines.addAll(chunk);
        StringBuilder text = new StringBuilder(chunkChars + 1024);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(lines.get(i).text());
        }
        CleanLine[] byIndex = lines.toArray(CleanLine[]::new);
        ColumnMap columns = (lineIndex, column) -> byIndex[lineIndex].originalIndex(column - 1) + 1;
        sink.accept(new Fragment(text.toString(), path, lineNumber(chunkFirstLine), properties,
                context.isEmpty() ? 0 : lineNumber(reportFrom), columns));
        context.clear();
        if (keepContext) {
            for (int i = Math.max(0, lines.size() - CONTEXT_LINES); i < lines.size(); i++) {
                context.add(lines.get(i));
            }
        }
        chunk.clear();
        chunkChars = 0;
    }

    private static int lineNumber(long number) {
        return (int) Math.min(Integer.MAX_VALUE, number);
    }
}
