package dev.secretsprawl.migrate.rewrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The span replacement every rewriter shares: finds each spot's characters, checks they still hold the
 * value (so rewriting twice changes nothing), asks the rewriter for its edit and applies the edits right to
 * left, leaving every other character, line ending and indentation as it was.
 */
final class ValueSpans {
    /** How one rewriter replaces the value found at {@code text[start, end)}. */
    @FunctionalInterface
    interface Replacer {
        Edit edit(String text, int start, int end, Spot spot);
    }

    /** An applied edit: where its replacement starts in the new text, and for which spot. */
    record Placed(int offset, Spot spot) {
    }

    /** The new text, the edits placed in it (in text order), and the spots left alone with the reason. */
    record Applied(String text, List<Placed> placed, List<String> skipped) {
        Rewrite toRewrite() {
            return new Rewrite(text, placed.size(), skipped);
        }

        Rewrite toRewrite(String finalText) {
            return new Rewrite(finalText, placed.size(), skipped);
        }
    }

    private record Planned(Edit edit, Spot spot) {
    }

    private ValueSpans() {
    }

    static Applied apply(String text, List<Spot> spots, Replacer replacer) {
        int[] lineStarts = lineStarts(text);
        List<String> skipped = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        for (Spot spot : spots) {
            int start = offset(text, lineStarts, spot.line(), spot.startColumn());
            int end = offset(text, lineStarts, spot.endLine(), spot.endColumn());
            String value = spot.value().reveal();
            if (start < 0 || end < 0 || end - start != value.length() || !text.startsWith(value, start)) {
                skipped.add(where(spot) + ": the value is no longer there (already rewritten or edited)");
                continue;
            }
            Edit edit = replacer.edit(text, start, end, spot);
            if (edit.refused()) {
                skipped.add(where(spot) + ": " + edit.refusal());
            } else if (planned.stream().noneMatch(p -> p.edit().equals(edit))) {
                planned.add(new Planned(edit, spot));
            }
        }
        return applyInOrder(text, planned, skipped);
    }

    private static Applied applyInOrder(String text, List<Planned> planned, List<String> skipped) {
        planned.sort(Comparator.comparingInt((Planned p) -> p.edit().start()));
        List<Planned> kept = new ArrayList<>();
        for (Planned p : planned) {
            if (!kept.isEmpty() && p.edit().start() < kept.get(kept.size() - 1).edit().end()) {
                skipped.add(where(p.spot()) + ": overlaps another spot's change");
            } else {
                kept.add(p);
            }
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = kept.size() - 1; i >= 0; i--) {
            Edit e = kept.get(i).edit();
            out.replace(e.start(), e.end(), e.replacement());
        }
        List<Placed> placed = new ArrayList<>();
        int shift = 0;
        for (Planned p : kept) {
            placed.add(new Placed(p.edit().start() + shift, p.spot()));
            shift += p.edit().replacement().length() - (p.edit().end() - p.edit().start());
        }
        return new Applied(out.toString(), List.copyOf(placed), skipped);
    }

    static String where(Spot spot) {
        return "line " + spot.line() + ", column " + spot.startColumn();
    }

    /** Offset of a 1-based line and column (a column one past the line's end is allowed), or -1. */
    private static int offset(String text, int[] lineStarts, int line, int column) {
        if (line < 1 || line > lineStarts.length || column < 1) {
            return -1;
        }
        int lineStart = lineStarts[line - 1];
        int lineEnd = line < lineStarts.length ? lineStarts[line] : text.length() + 1;
        int at = lineStart + column - 1;
        return at < lineEnd ? at : -1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Start offset of the line holding {@code offset}. */
    static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** End offset (before its line break) of the line holding {@code offset}. */
    static int lineEnd(String text, int offset) {
        int nl = text.indexOf('\n', offset);
        int end = nl < 0 ? text.length() : nl;
        return end > 0 && end > offset && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** The line break the file uses, so added lines match it. */
    static String lineBreak(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** Whether the character at {@code offset} would continue a variable name ({@code $NAMEx}). */
    static boolean continuesName(String text, int offset) {
        if (offset >= text.length()) {
            return false;
        }
        char c = text.charAt(offset);
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
