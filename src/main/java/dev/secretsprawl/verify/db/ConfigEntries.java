package dev.secretsprawl.verify.db;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code key = value} lines of a config file as the scanner shows them around a finding: {@code .env}
 * ({@code DB_HOST=...}, {@code export PGUSER=...}), properties ({@code spring.datasource.username=...}),
 * YAML ({@code host: ...}) and JSON ({@code "host": "..."}), each with the role its key names.
 */
final class ConfigEntries {
    /** What a key names, by how it ends. */
    enum Role { PASSWORD, USER, HOST, PORT, DATABASE, OTHER }

    /**
     * One line. {@code prefix} is the key without the part naming its role, lower case, so keys of one block
     * ({@code DB_USER}, {@code DB_PASSWORD}) or one object ({@code username}, {@code password}) share it.
     * {@code parents} are the keys of the YAML mappings or JSON objects it is nested in (lower case, as far as
     * the lines show them), {@code indent} its column: siblings of one mapping share both.
     */
    record Entry(int line, String key, String value, Role role, String prefix, List<String> parents, int indent) {
        /** Same mapping (same parents, same column) and same key prefix: written together. */
        boolean sameBlock(Entry other) {
            return prefix.equals(other.prefix) && parents.equals(other.parents) && indent == other.indent;
        }

        /** The lower-case words of the key's prefix and of its parents' keys ({@code spring}, {@code datasource}). */
        List<String> words() {
            List<String> words = new ArrayList<>();
            for (String p : parents) {
                words.addAll(List.of(p.split("[._-]+")));
            }
            words.addAll(List.of(prefix.split("[._-]+")));
            return words;
        }
    }

    /** A mapping being read: its key (or a marker for a list item or an anonymous object) and its column. */
    private record Open(int indent, String key) {
    }

    /** {@code <<: *anchor} in the mapping at these parents, its settings at this column. */
    private record Merge(List<String> parents, int indent, String anchor) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(\\s*)(?:export\\s+|(-\\s+))?[\"']?([A-Za-z_][\\w.-]{0,80})[\"']?\\s*(=>|:=|[:=])\\s*(.*)$");
    private static final Pattern MERGE = Pattern.compile("^(\\s*)<<\\s*:\\s*\\*([\\w.-]+)\\s*(?:#.*)?$");
    private static final Pattern OBJECT_START = Pattern.compile("^(\\s*)(?:-\\s*)?[}\\]]?\\s*,?\\s*\\{\\s*$");
    private static final String[][] SUFFIXES = {
        {"PASSWORD", "password", "passwd", "pass", "pwd"},
        {"USER", "username", "user", "usr", "login"},
        {"HOST", "hostname", "host", "server"},
        {"PORT", "port"},
        {"DATABASE", "database", "dbname", "db"},
    };

    private ConfigEntries() {
    }

    /**
     * Nesting is read from indentation, as YAML defines it and as JSON and Python dicts are usually laid out: a
     * key with no value (or an opening brace) opens a mapping for the deeper lines after it; a YAML list item
     * ({@code - host: x}) or a lone {@code {} opens an anonymous one, so two items never share a block. A YAML
     * merge ({@code <<: *default}) makes the anchored mapping's settings part of the merging one, after its own.
     */
    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        Map<String, List<String>> anchors = new HashMap<>();
        List<Merge> merges = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            Matcher merge = MERGE.matcher(lines[i]);
            Matcher o = OBJECT_START.matcher(lines[i]);
            if (m.matches()) {
                read(m, i, open, entries).ifPresent(anchor -> anchors.put(anchor, parents(open)));
            } else if (merge.matches()) {
                close(open, merge.group(1).length());
                merges.add(new Merge(parents(open), merge.group(1).length(), merge.group(2)));
            } else if (o.matches()) {
                close(open, o.group(1).length());
                open.push(new Open(o.group(1).length(), "{" + i));
            }
        }
        for (Merge merge : merges) {
            List<String> anchored = anchors.get(merge.anchor());
            entries.addAll(entries.stream().filter(e -> e.parents().equals(anchored))
                    .map(e -> new Entry(e.line(), e.key(), e.value(), e.role(), e.prefix(), merge.parents(), merge.indent()))
                    .toList());
        }
        return entries;
    }

    /** Adds the entry of one {@code key: value} line; the anchor's name when the line opens an anchored mapping. */
    private static Optional<String> read(Matcher m, int line, Deque<Open> open, List<Entry> entries) {
        int indent = m.group(1).length();
        close(open, indent);
        if (m.group(2) != null && m.group(4).equals(":")) {
            open.push(new Open(indent, "-" + line));
        }
        int column = m.group(2) == null ? indent : indent + m.group(2).length();
        String value = value(m.group(5));
        entries.add(entry(line, m.group(3), value, parents(open), column));
        if (!opens(value)) {
            return Optional.empty();
        }
        open.push(new Open(column, m.group(3).toLowerCase(Locale.ROOT)));
        return value.startsWith("&") ? Optional.of(value.substring(1)) : Optional.empty();
    }

    /** No value, an opening brace or bracket, a YAML anchor ({@code default: &default}) or only a comment. */
    private static boolean opens(String value) {
        return value.isEmpty() || value.equals("{") || value.equals("[") || value.matches("&\\S+|#.*");
    }

    /** Mappings opened at this column or deeper end before a line at this column. */
    private static void close(Deque<Open> open, int indent) {
        while (!open.isEmpty() && open.peek().indent() >= indent) {
            open.pop();
        }
    }

    private static List<String> parents(Deque<Open> open) {
        List<String> keys = new ArrayList<>();
        open.descendingIterator().forEachRemaining(o -> keys.add(o.key()));
        return List.copyOf(keys);
    }

    private static Entry entry(int line, String key, String value, List<String> parents, int indent) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String[] role : SUFFIXES) {
            for (int i = 1; i < role.length; i++) {
                if (lower.endsWith(role[i])) {
                    return new Entry(line, key, value, Role.valueOf(role[0]), prefix(lower, role[i].length()),
                            parents, indent);
                }
            }
        }
        if (lower.endsWith("name") && lower.matches(".*(?:db|database)[._-]?name")) {
            return new Entry(line, key, value, Role.DATABASE, prefix(lower, "name".length()), parents, indent);
        }
        int cut = Math.max(lower.lastIndexOf('.'), Math.max(lower.lastIndexOf('_'), lower.lastIndexOf('-')));
        return new Entry(line, key, value, Role.OTHER, cut < 0 ? "" : lower.substring(0, cut), parents, indent);
    }

    private static String prefix(String lowerKey, int suffixLength) {
        return lowerKey.substring(0, lowerKey.length() - suffixLength).replaceFirst("[._-]+$", "");
    }

    /** The value without quotes, a trailing comma or semicolon, or an end-of-line comment. */
    static String value(String raw) {
        String v = raw.trim();
        if (!v.isEmpty() && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            int close = v.indexOf(v.charAt(0), 1);
            return close < 0 ? v.substring(1) : v.substring(1, close);
        }
        int comment = v.indexOf(" #");
        if (comment >= 0) {
            v = v.substring(0, comment).trim();
        }
        return v.replaceFirst("[,;]$", "").trim();
    }
}
