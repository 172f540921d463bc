package dev.secretsprawl.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of a growing set of strings (each at least {@link #MIN_LENGTH} long). A bit
 * table of hashed four-character prefixes (a million bits, so it stays sparse with thousands of strings)
 * rejects almost every position with one lookup; the few that pass are checked against the strings
 * sharing their first {@link #MIN_LENGTH} characters. Adding a string costs O(1), so values can be
 * learned while a log streams. Not thread-safe: {@link KnownSecrets} guards it.
 */
final class LiteralSet {
    static final int MIN_LENGTH = 6;
    private static final int TABLE_BITS = 20;

    private final long[] prefixes = new long[(1 << TABLE_BITS) / 64];
    /** A second table over characters 2 to 5: a position must pass both, so thousands of strings still filter well. */
    private final long[] middles = new long[(1 << TABLE_BITS) / 64];
    private final Map<String, List<String>> byHead = new HashMap<>();
    private int size;

    /** Adds a string; shorter than {@link #MIN_LENGTH} is refused (returns false). */
    boolean add(String literal) {
        if (literal.length() < MIN_LENGTH) {
            return false;
        }
        List<String> bucket = byHead.computeIfAbsent(literal.substring(0, MIN_LENGTH), h -> new ArrayList<>(1));
        if (bucket.contains(literal)) {
            return false;
        }
        bucket.add(literal);
        int h = hash(literal.charAt(0), literal.charAt(1), literal.charAt(2), literal.charAt(3));
        prefixes[h >>> 6] |= 1L << h;
        int m = hash(literal.charAt(2), literal.charAt(3), literal.charAt(4), literal.charAt(5));
        middles[m >>> 6] |= 1L << m;
        size++;
        return true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Start and end offsets of every occurrence, as pairs in one array: [s0, e0, s1, e1, ...]. */
    int[] find(CharSequence text) {
        int n = text.length();
        if (size == 0 || n < MIN_LENGTH) {
            return new int[0];
        }
        int[] found = new int[0];
        int count = 0;
        for (int i = 0; i + MIN_LENGTH <= n; i++) {
            int h = hash(text.charAt(i), text.charAt(i + 1), text.charAt(i + 2), text.charAt(i + 3));
            if ((prefixes[h >>> 6] & (1L << h)) == 0) {
                continue;
            }
            int m = hash(text.charAt(i + 2), text.charAt(i + 3), text.charAt(i + 4), text.charAt(i + 5));
            if ((middles[m >>> 6] & (1L << m)) == 0) {
                continue;
            }
            List<String> bucket = byHead.get(text.subSequence(i, i + MIN_LENGTH).toString());
            if (bucket == null) {
                continue;
            }
            for (String literal : bucket) {
                if (i + literal.length() <= n && matchesAt(text, i, literal)) {
                    if (count + 2 > found.length) {
                        found = Arrays.copyOf(found, Math.max(8, found.length * 2));
                    }
                    found[count++] = i;
                    found[count++] = i + literal.length();
                }
            }
        }
        return count == found.length ? found : Arrays.copyOf(found, count);
    }

    private static boolean matchesAt(CharSequence text, int start, String literal) {
        for (int i = MIN_LENGTH; i < literal.length(); i++) {
            if (text.charAt(start + i) != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char a, char b, char c, char d) {
        int h = ((a * 31 + b) * 31 + c) * 31 + d;
        return (h * 0x9E3779B1) >>> (32 - TABLE_BITS);
    }
}
