package dev.secretsprawl.scan;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line and column numbers. */
final class LineIndex {
    private final int[] lineStarts;
    private final int size;

    LineIndex(CharSequence text) {
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean newline = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (newline) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = starts;
        this.size = count;
    }

    /** 0-based line index of the offset. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, 0, size, offset);
        return i >= 0 ? i : -i - 2;
    }

    int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset)] + 1;
    }

    int lineCount() {
        return size;
    }

    int lineStart(int line) {
        return lineStarts[line];
    }

    int lineEnd(int line, int textLength) {
        return line + 1 < size ? lineStarts[line + 1] : textLength;
    }
}
