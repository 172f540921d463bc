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

    private final int[] transitions;   // state * ALPHABET + char -> next state (complete DFA)
    private final int[][] outputs;     // state -> rule indices whose keyword ends here (incl. via fail links)
    private final BitSet alwaysRun;

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
                out.get(state).add(rule);
            }
        }
        int states = goTo.size();
        transitions = new int[states * ALPHABET];
        int[] fail = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int next = goTo.get(0)[c];
            transitions[c] = Math.max(next, 0);
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
                    fail[next] = transitions[fail[state] * ALPHABET + c];
                    transitions[state * ALPHABET + c] = next;
                    queue.add(next);
                } else {
                    transitions[state * ALPHABET + c] = transitions[fail[state] * ALPHABET + c];
                }
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
        BitSet hits = (BitSet) alwaysRun.clone();
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
            state = transitions[state * ALPHABET + c];
            int[] found = outputs[state];
            for (int rule : found) {
                hits.set(rule);
            }
        }
        return hits;
    }
}
