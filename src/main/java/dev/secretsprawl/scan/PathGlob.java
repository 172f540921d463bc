package dev.secretsprawl.scan;

import java.util.regex.Pattern;

/**
 * A gitignore-like glob over '/'-separated relative paths: {@code *} stays within one folder,
 * {@code **} spans folders, {@code ?} is one character; a glob without '/' matches a name at any depth,
 * and a glob naming a folder matches everything below it.
 */
public record PathGlob(String glob, Pattern pattern) {
    public static PathGlob of(String glob) {
        String g = glob.strip();
        if (g.isEmpty()) {
            throw new IllegalArgumentException("empty path glob");
        }
        boolean anchored = g.startsWith("/") || g.substring(0, g.length() - 1).contains("/");
        if (g.startsWith("/")) {
            g = g.substring(1);
        }
        if (g.endsWith("/")) {
            g = g + "**";
        }
        StringBuilder regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                regex.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        regex.append("(?:/.*)?$");
        return new PathGlob(glob, Pattern.compile(regex.toString()));
    }

    public boolean matches(String relativePath) {
        return pattern.matcher(relativePath).matches();
    }
}
