package dev.secretsprawl.migrate.rewrite;

import java.util.List;

/**
 * A rewritten file: its new text, how many spots were replaced, and why others were not (already a
 * reference, value no longer there). The reasons never quote the value.
 */
public record Rewrite(String text, int replaced, List<String> skipped) {
    public Rewrite {
        skipped = List.copyOf(skipped);
    }

    /** Without the text, which still holds every value a skipped spot left in place. */
    @Override
    public String toString() {
        return "Rewrite[replaced=" + replaced + ", skipped=" + skipped + ", text=" + text.length() + " chars]";
    }
}
