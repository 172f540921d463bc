package dev.secretsprawl.source.git;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines a new version of a file adds: every line whose content is in none of the old versions.
 * Comparing line sets rather than running a diff is linear, treats a moved line as unchanged (moving a
 * secret does not introduce it), and is what "introduced by this commit" means for a secret.
 * Blank lines never count as added and never split a hunk.
 */
final class AddedLines {
    /** Unchanged lines kept before each hunk, so a rule spanning lines still sees its key. */
    static final int CONTEXT_LINES = 3;

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

    static List<Hunk> hunks(String newText, List<String> oldTexts) {
        // with one old version, the common head and tail are unchanged without looking at their lines:
        // most commits change a few lines of a long file
        int unchangedHead = 0;
        int unchangedTail = newText.length();
        LineHashSet old = new LineHashSet();
        if (oldTexts.size() == 1) {
            String o = oldTexts.get(0);
            unchangedHead = commonHeadLines(newText, o);
            int tail = commonTailLines(newText, o, unchangedHead);
            unchangedTail = newText.length() - tail;
            hashLines(o, unchangedHead, o.length() - tail, old);
        } else {
            for (String o : oldTexts) {
                hashLines(o, 0, o.length(), old);
            }
        }
        Lines lines = Lines.of(newText);
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
            hunks.add(new Hunk(newText.substring(lines.start[from], lines.end[last]), from + 1, first + 1));
            lastHunkEnd = last + 1;
            i = last + 1;
        }
        return hunks;
    }

    private static boolean added(String text, Lines lines, int i, int head, int tail, LineHashSet old) {
        int start = lines.start[i];
        int end = lines.end[i];
        return start >= head && start < tail && !blank(text, start, end) && !old.contains(hash(text, start, end));
    }

    private static void hashLines(String text, int from, int to, LineHashSet into) {
        forEachLine(text, from, to, (start, end) -> {
            if (!blank(text, start, end)) {
                into.add(hash(text, start, end));
            }
        });
    }

    /** Length of the longest common prefix that ends at a line start (or covers both texts). */
    static int commonHeadLines(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int p = 0;
        while (p < max && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        if (p == a.length() && p == b.length()) {
            return p;
        }
        return a.lastIndexOf('\n', p - 1) + 1;
    }

    /** Length of the longest common suffix, not overlapping {@code head}, that starts at a line start in both. */
    static int commonTailLines(String a, String b, int head) {
        int max = Math.min(a.length(), b.length()) - head;
        int s = 0;
        while (s < max && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) {
            s++;
        }
        // shrink until the tail starts right after a newline in both texts (or at the head boundary)
        while (s > 0) {
            int ia = a.length() - s;
            int ib = b.length() - s;
            boolean lineStartA = ia == 0 || a.charAt(ia - 1) == '\n';
            boolean lineStartB = ib == 0 || b.charAt(ib - 1) == '\n';
            if (lineStartA && lineStartB) {
                break;
            }
            s--;
        }
        return s;
    }

    /** Line starts and ends (without terminators) of a text. */
    private static final class Lines {
        int[] start = new int[256];
        int[] end = new int[256];
        int count;

        static Lines of(String text) {
            Lines lines = new Lines();
            forEachLine(text, 0, text.length(), lines::add);
            return lines;
        }

        private void add(int s, int e) {
            if (count == start.length) {
                start = java.util.Arrays.copyOf(start, count * 2);
                end = java.util.Arrays.copyOf(end, count * 2);
            }
            start[count] = s;
            end[count] = e;
            count++;
        }
    }

    private interface LineVisitor {
        void line(int start, int end);
    }

    /** Lines in [from, to) without their terminator; a trailing CR is part of the terminator. */
    private static void forEachLine(String text, int from, int to, LineVisitor visitor) {
        int start = from;
        while (start < to) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 || nl >= to ? to : nl;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            visitor.line(start, contentEnd);
            start = end + 1;
        }
    }

    private static boolean blank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** 64-bit FNV-1a over the chars: collisions (which would hide an added line) are vanishingly rare. */
    static long hash(String text, int start, int end) {
        long h = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
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
