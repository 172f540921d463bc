package dev.secretsprawl.source.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a log line by line from a stream, splitting at {@code \n} only (a lone {@code \r} is a progress
 * redraw inside a line, not a new line) and dropping the {@code \r} of CRLF. Memory stays bounded: a line
 * longer than {@link #MAX_LINE_BYTES} comes out in pieces, each marked as continuing the same line.
 */
public final class LogLines {
    public static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * One line, or one piece of an over-long line.
     *
     * @param plain true when the text holds no control character (no escape sequence, no carriage return):
     *              the cleaner then only looks at its start
     */
    public record Line(String text, long number, int startColumn, boolean lastPiece, boolean plain) {
        public Line(String text, long number, int startColumn, boolean lastPiece) {
            this(text, number, startColumn, lastPiece, false);
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private long number = 1;
    private int pieceColumn = 1;
    private long bytesRead;
    private boolean control;

    public LogLines(InputStream in) {
        this.in = in;
    }

    /** The next line or piece, or null at the end of the stream. */
    public Line next() throws IOException {
        length = 0;
        control = false;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0 && pieceColumn == 1) {
                    return null;
                }
                return emit(true);
            }
            int newline = indexOf(buffer, position, limit);
            int end = newline < 0 ? limit : newline;
            append(buffer, position, end);
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                return emit(true);
            }
            if (length >= MAX_LINE_BYTES) {
                return emit(false);
            }
        }
    }

    /** Bytes consumed so far. */
    public long bytesRead() {
        return bytesRead;
    }

    /** True when a read would not block: callers flush their output before waiting on a live pipe. */
    public boolean wouldBlock() throws IOException {
        return position == limit && in.available() == 0;
    }

    private Line emit(boolean endOfLine) {
        int n = length;
        if (endOfLine && n > 0 && line[n - 1] == '\r') {
            n--;
        }
        String text = new String(line, 0, n, StandardCharsets.UTF_8);
        Line result = new Line(text, number, pieceColumn, endOfLine, !control);
        if (endOfLine) {
            number++;
            pieceColumn = 1;
        } else {
            pieceColumn += text.length();
        }
        return result;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        bytesRead += read;
        position = 0;
        limit = read;
        return true;
    }

    private void append(byte[] from, int start, int end) {
        int n = end - start;
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(from, start, line, length, n);
        length += n;
    }

    /** Index of the next newline, noting on the way whether the line holds control bytes (C0, DEL, C1 in UTF-8). */
    private int indexOf(byte[] bytes, int from, int to) {
        boolean seen = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                control |= seen;
                return i;
            }
            // C0 controls but tab, DEL, and the lead byte 0xC2 of C1 controls (and of a few Latin-1 letters: harmless)
            seen |= (b >= 0 && b < 0x20 && b != '\t') || b == 0x7f || b == (byte) 0xC2;
        }
        control |= seen;
        return -1;
    }
}
