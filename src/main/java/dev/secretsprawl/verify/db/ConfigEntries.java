package dev.secretsprawl.verify.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
     */
    record Entry(int line, String key, String value, Role role, String prefix) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:export\\s+|-\\s+)?[\"']?([A-Za-z_][\\w.-]{0,80})[\"']?\\s*(?:=>|:=|[:=])\\s*(.*)$");
    private static final String[][] SUFFIXES = {
        {"PASSWORD", "password", "passwd", "pass", "pwd"},
        {"USER", "username", "user", "usr", "login"},
        {"HOST", "hostname", "host", "server"},
        {"PORT", "port"},
        {"DATABASE", "database", "dbname", "db"},
    };

    private ConfigEntries() {
    }

    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (m.matches()) {
                entries.add(entry(i, m.group(1), value(m.group(2))));
            }
        }
        return entries;
    }

    private static Entry entry(int line, String key, String value) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String[] role : SUFFIXES) {
            for (int i = 1; i < role.length; i++) {
                if (lower.endsWith(role[i])) {
                    return new Entry(line, key, value, Role.valueOf(role[0]), prefix(lower, role[i].length()));
                }
            }
        }
        if (lower.endsWith("name") && lower.matches(".*(?:db|database)[._-]?name")) {
            return new Entry(line, key, value, Role.DATABASE, prefix(lower, "name".length()));
        }
        int cut = Math.max(lower.lastIndexOf('.'), Math.max(lower.lastIndexOf('_'), lower.lastIndexOf('-')));
        return new Entry(line, key, value, Role.OTHER, cut < 0 ? "" : lower.substring(0, cut));
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
