package dev.secretsprawl.scan;

import java.util.Map;

/**
 * A piece of text to scan and where it came from. {@code firstLine} is the line number of the
 * text's first line in its source; {@code properties} travel to every finding (commit, author, ...).
 */
public record Fragment(String text, String path, int firstLine, Map<String, String> properties) {
    public Fragment {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static Fragment of(String text, String path) {
        return new Fragment(text, path, 1, Map.of());
    }
}
