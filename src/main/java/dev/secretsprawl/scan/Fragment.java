package dev.secretsprawl.scan;

import java.util.Map;

/**
 * A piece of text to scan and where it came from. {@code firstLine} is the line number of the
 * text's first line in its source; {@code properties} travel to every finding (commit, author, ...).
 *
 * @param reportFromLine findings that end before this line are context only and not reported: a history
 *                       hunk carries a few unchanged lines before its added ones, so that a rule spanning
 *                       lines sees its key, yet only what the commit added is reported. 0 reports all.
 * @param columns        maps columns of {@code text} back to the original lines when the source cleaned them
 *                       (colour codes, timestamps); null when the text is the original
 */
public record Fragment(String text, String path, int firstLine, Map<String, String> properties, int reportFromLine,
                       ColumnMap columns) {
    public Fragment {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public Fragment(String text, String path, int firstLine, Map<String, String> properties, int reportFromLine) {
        this(text, path, firstLine, properties, reportFromLine, null);
    }

    public Fragment(String text, String path, int firstLine, Map<String, String> properties) {
        this(text, path, firstLine, properties, 0);
    }

    public static Fragment of(String text, String path) {
        return new Fragment(text, path, 1, Map.of());
    }

    /** True when a finding ending on {@code endLine} is reported rather than context. */
    public boolean reports(int endLine) {
        return endLine >= reportFromLine;
    }
}
