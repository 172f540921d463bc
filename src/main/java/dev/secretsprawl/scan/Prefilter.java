package dev.secretsprawl.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

/**
 * One Aho-Corasick automaton over every rule's keywords, built once per rule pack. A single pass over
 * the text (ASCII case-insensitive) tells which rules can match, so only their regexes run.
 */
final class Prefilter {
    private static final int ALPHABET = 128;

    /** ASCII char (lowercased) -> character class; 0 is every char no keyword contains. */
    private final byte[] classOf = new byte[ALPHABET];
    private final int classes;
    /** state * classes + class -> next state (complete DFA); chars keep the table small enough for cache. */
    private final char[] transitions;
    private final int[][] outputs;     // state -> (rule << 8 | keyword length) of keywords ending here (incl. via fail links)
    private final BitSet alwaysRun;
    private final int ruleCount;

    /**
     * @param keywordsPerRule lowercase ASCII keywords of each rule, by rule index; an empty list
     *                        means the rule always runs
     */
    Prefilter(List<List<String>> keywordsPerRule) {
        List<int[]> goTo = new ArrayList<>();
        List<Set<Integer>> out = new ArrayList<>();
        goTo.add(newRow());
        out.add(new LinkedHashSet<>());
        alwaysRun = new BitSet();
        ruleCount = keywordsPerRule.size();
        for (int rule = 0; rule < keywordsPerRule.size(); rule++) {
            List<String> keywords = keywordsPerRule.get(rule);
            if (keywords.isEmpty()) {
                alwaysRun.set(rule);
            }
            for (String keyword : keywords) {
                int state = 0;
                for (int i = 0; i < keyword.length(); i++) {
                    int c = keyword.charAt(i);
                    if (c >= ALPHABET) {
                        throw new IllegalArgumentException("keyword '" + keyword + "' must be ASCII");
                    }
                    if (goTo.get(state)[c] < 0) {
                        goTo.add(newRow());
                        out.add(new LinkedHashSet<>());
                        goTo.get(state)[c] = goTo.size() - 1;
                    }
                    state = goTo.get(state)[c];
                }
                out.get(state).add(rule << 8 | keyword.length());
            }
        }
        int states = goTo.size();
        if (states > Character.MAX_VALUE) {
            throw new IllegalArgumentException("too many keyword states: " + states);
        }
        int nextClass = 1;
        for (int c = 0; c < ALPHABET; c++) {
            for (int[] row : goTo) {
                if (row[c] >= 0) {
                    classOf[c] = (byte) nextClass++;
                    break;
                }
            }
        }
        classes = nextClass;
        int[] dense = new int[states * ALPHABET];
        int[] fail = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int next = goTo.get(0)[c];
            dense[c] = Math.max(next, 0);
            if (next > 0) {
                queue.add(next);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            out.get(state).addAll(out.get(fail[state]));
            for (int c = 0; c < ALPHABET; c++) {
                int next = goTo.get(state)[c];
                if (next > 0) {
                    fail[next] = dense[fail[state] * ALPHABET + c];
                    dense[state * ALPHABET + c] = next;
                    queue.add(next);
                } else {
                    dense[state * ALPHABET + c] = dense[fail[state] * ALPHABET + c];
                }
            }
        }
        transitions = new char[states * classes];
        for (int state = 0; state < states; state++) {
            for (int c = 0; c < ALPHABET; c++) {
                // chars of class 0 occur in no keyword: from any state they lead back to the root
                transitions[state * classes + classOf[c]] = (char) (classOf[c] == 0 ? 0 : dense[state * ALPHABET + c]);
            }
        }
        outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    /** Indices of the rules whose keywords occur in {@code text}, plus those without keywords. */
    BitSet candidates(CharSequence text) {
        return scan(text, null);
    }

    /**
     * Like {@link #candidates} and also records, per rule, the start offsets of its keyword occurrences
     * (at most {@link Hits#MAX_PER_RULE}; past that the rule is marked to run on the whole text).
     */
    Hits hits(CharSequence text) {
        Hits hits = new Hits(ruleCount);
        hits.rules = scan(text, hits);
        return hits;
    }

    private BitSet scan(CharSequence text, Hits record) {
        boolean[] seen = null;
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int c = text.charAt(i);
            if (c >= ALPHABET) {
                state = 0;
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            state = transitions[state * classes + classOf[c]];
            int[] found = outputs[state];
            for (int packed : found) {
                int rule = packed >>> 8;
                if (seen == null) {
                    seen = new boolean[ruleCount];
                }
                seen[rule] = true;
                if (record != null) {
                    record.add(rule, i - (packed & 0xff) + 1);
                }
            }
        }
        BitSet hits = (BitSet) alwaysRun.clone();
        for (int rule = 0; seen != null && rule < ruleCount; rule++) {
            if (seen[rule]) {
                hits.set(rule);
            }
        }
        return hits;
    }

    /** Keyword occurrences per rule, as start offsets in order of their end. Allocates only on a first hit. */
    static final class Hits {
        static final int MAX_PER_RULE = 4096;
        private final int ruleCount;
        private int[][] offsets;
        private int[] counts;
        BitSet rules;

        Hits(int ruleCount) {
            this.ruleCount = ruleCount;
        }

        private void add(int rule, int offset) {
            if (counts == null) {
                offsets = new int[ruleCount][];
                counts = new int[ruleCount];
            }
            int count = counts[rule];
            if (count > MAX_PER_RULE) {
                return;
            }
            if (count == MAX_PER_RULE) {
                counts[rule] = count + 1;   // overflow: the rule runs on the whole text
                return;
            }
            int[] list = offsets[rule];
            if (list == null) {
                list = offsets[rule] = new int[8];
            } else if (count == list.length) {
                list = offsets[rule] = Arrays.copyOf(list, count * 2);
            }
            list[count] = offset;
            counts[rule] = count + 1;
        }

        /** Start offsets of the rule's keyword hits, or null when the rule should run on the whole text. */
        int[] of(int rule) {
            int count = counts == null ? 0 : counts[rule];
            return count == 0 || count > MAX_PER_RULE ? null : Arrays.copyOf(offsets[rule], count);
        }
    }
}
