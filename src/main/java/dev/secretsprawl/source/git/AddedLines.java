package dev.secretsprawl.source.git;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines a new version of a file adds: every line whose content is in none of the old versions.
 * Comparing line sets rather than running a diff is linear, treats a moved line as unchanged (moving a
 * secret does not introduce it), and is what "introduced by this commit" means for a secret.
 * Blank lines never count as added and never split a hunk. Works on UTF-8 bytes (see
 * {@link dev.secretsprawl.source.TextDecoding#toUtf8}) and decodes only the hunks.
 */
final class AddedLines {
    /** Unchanged lines kept before each hunk, so a rule spanning lines still sees its key. */
    static final int CONTEXT_LINES = 3;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private AddedLines() {
    }

    /**
     * A run of added lines, plus up to {@link #CONTEXT_LINES} unchanged lines before it.
     *
     * @param firstLine      1-based line of {@code text}'s first line in the new version
     * @param firstAddedLine 1-based line of the hunk's first added line
     */
    record Hunk(String text, int firstLine, int firstAddedLine) {
    }

    /** For tests and callers holding text: the same on the text's UTF-8 bytes. */
    static List<Hunk> hunks(String newText, List<String> oldTexts) {
        return hunks(newText.getBytes(StandardCharsets.UTF_8),
                oldTexts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
    }

    static List<Hunk> hunks(byte[] newText, List<byte[]> oldTexts) {
        // with one old version, the common head and tail are unchanged without looking at their lines:
        // most commits change a few lines of a long file
        int unchangedHead = 0;
        int unchangedTail = newText.length;
        LineHashSet old = new LineHashSet();
        if (oldTexts.size() == 1) {
            byte[] o = oldTexts.get(0);
            unchangedHead = commonHeadLines(newText, o);
            int tail = commonTailLines(newText, o, unchangedHead);
            unchangedTail = newText.length - tail;
            hashLines(o, unchangedHead, o.length - tail, old);
        } else {
            for (byte[] o : oldTexts) {
                hashLines(o, 0, o.length, old);
            }
        }
        // lines are indexed only from a few lines before the changed region to its end; the line number of
        // the first indexed line comes from counting newlines before it, a loop the JIT vectorizes
        int regionStart = lineStartBefore(newText, unchangedHead, CONTEXT_LINES);
        int lineBase = 1 + countNewlines(newText, regionStart);
        Lines lines = Lines.of(newText, regionStart, unchangedTail);
        List<Hunk> hunks = new ArrayList<>();
        int n = lines.count;
        int lastHunkEnd = 0; // index after the previous hunk's last line: context never reaches back into it
        int i = 0;
        while (i < n) {
            if (!added(newText, lines, i, unchangedHead, unchangedTail, old)) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            for (int j = i + 1; j < n; j++) {
                if (added(newText, lines, j, unchangedHead, unchangedTail, old)) {
                    last = j;
                } else if (!blank(newText, lines.start[j], lines.end[j])) {
                    break;
                }
            }
            int from = Math.max(lastHunkEnd, first - CONTEXT_LINES);
            int start = lines.start[from];
            String text = new String(newText, start, lines.end[last] - start, StandardCharsets.UTF_8);
            hunks.add(new Hunk(text, lineBase + from, lineBase + first));
            lastHunkEnd = last + 1;
            i = last + 1;
        }
        return hunks;
    }

    /** The start of the line {@code lines} lines before the line starting at {@code lineStart} (or 0). */
    private static int lineStartBefore(byte[] text, int lineStart, int lines) {
        int i = lineStart - 1; // the newline ending the previous line
        for (int seen = 0; i >= 0; i--) {
            if (text[i] == '\n' && i != lineStart - 1 && ++seen == lines) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int countNewlines(byte[] text, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            count += text[i] == '\n' ? 1 : 0;
        }
        return count;
    }

    private static boolean added(byte[] text, Lines lines, int i, int head, int tail, LineHashSet old) {
        int start = lines.start[i];
        int end = lines.end[i];
        return start >= head && start < tail && !blank(text, start, end) && !old.contains(hash(text, start, end));
    }

    private static void hashLines(byte[] text, int from, int to, LineHashSet into) {
        int start = from;
        while (start < to) {
            int end = lineEnd(text, start, to);
            int contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (!blank(text, start, contentEnd)) {
                into.add(hash(text, start, contentEnd));
            }
            start = end + 1;
        }
    }

    private static int lineEnd(byte[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    /** Length of the longest common prefix that ends at a line start (or covers both texts). */
    static int commonHeadLines(byte[] a, byte[] b) {
        int p = Arrays.mismatch(a, b);
        if (p < 0) {
            return a.length;
        }
        for (int i = p - 1; i >= 0; i--) {
            if (a[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    /** Length of the longest common suffix, not overlapping {@code head}, that starts at a line start in both. */
    static int commonTailLines(byte[] a, byte[] b, int head) {
        int max = Math.min(a.length, b.length) - head;
        int s = 0;
        int ia = a.length - 1;
        int ib = b.length - 1;
        while (s < max && a[ia - s] == b[ib - s]) {
            s++;
        }
        // shrink until the tail starts right after a newline in both texts (or at the head boundary)
        while (s > 0) {
            int sa = a.length - s;
            int sb = b.length - s;
            if ((sa == 0 || a[sa - 1] == '\n') && (sb == 0 || b[sb - 1] == '\n')) {
                break;
            }
            s--;
        }
        return s;
    }

    /** Line starts and ends (without terminators; a trailing CR is part of the terminator). */
    private static final class Lines {
        int[] start = new int[256];
        int[] end = new int[256];
        int count;

        /** The lines starting in [from, to); {@code from} is a line start. */
        static Lines of(byte[] text, int from, int to) {
            Lines lines = new Lines();
            int s = from;
            int length = text.length;
            while (s < to) {
                int e = lineEnd(text, s, length);
                lines.add(s, e > s && text[e - 1] == '\r' ? e - 1 : e);
                s = e + 1;
            }
            return lines;
        }

        private void add(int s, int e) {
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            start[count] = s;
            end[count] = e;
            count++;
        }
    }

    private static boolean blank(byte[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = text[i];
            if (b != ' ' && b != '\t' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 64-bit hash of a line, eight bytes at a step: collisions (which would hide an added line) are
     * vanishingly rare at 2^-64 per pair.
     */
    static long hash(byte[] text, int start, int end) {
        long h = 0x9E3779B97F4A7C15L ^ (end - start);
        int i = start;
        for (; i + 8 <= end; i += 8) {
            h = Long.rotateLeft((h ^ (long) LONGS.get(text, i)) * 0xC2B2AE3D27D4EB4FL, 31);
        }
        for (; i < end; i++) {
            h = (h ^ text[i]) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    /** An open-addressing set of longs: a changed file's lines without boxing each one. */
    static final class LineHashSet {
        private long[] slots = new long[64];
        private boolean hasZero;
        private int size;

        void add(long value) {
            if (value == 0) {
                hasZero = true;
                return;
            }
            if ((size + 1) * 2 > slots.length) {
                grow();
            }
            if (insert(slots, value)) {
                size++;
            }
        }

        boolean contains(long value) {
            if (value == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == value) {
                    return true;
                }
                if (slots[i] == 0) {
                    return false;
                }
            }
        }

        private static boolean insert(long[] table, long value) {
            int mask = table.length - 1;
            for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
                if (table[i] == value) {
                    return false;
                }
                if (table[i] == 0) {
                    table[i] = value;
                    return true;
                }
            }
        }

        private void grow() {
            long[] bigger = new long[slots.length * 2];
            for (long v : slots) {
                if (v != 0) {
                    insert(bigger, v);
                }
            }
            slots = bigger;
        }

        private static int mix(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
