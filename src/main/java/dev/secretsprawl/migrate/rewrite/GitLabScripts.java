package dev.secretsprawl.migrate.rewrite;

import java.util.regex.Pattern;

/**
 * GitLab hands {@code script} lines to the shell without expanding variables itself, so a {@code $NAME} there
 * must survive shell quoting: inside shell single quotes the string is closed around it, as in shell scripts.
 */
final class GitLabScripts {
    private static final Pattern SCRIPT_KEY = Pattern.compile("^\\s*(?:-\\s+)?(?:before_|after_)?script:");
    private static final Pattern ITEM_OR_KEY = Pattern.compile("^\\s*(?:-\\s+)?(?:[\\w.-]+:\\s+)?");

    private GitLabScripts() {
    }

    /**
     * The edit for a value in a script line whose shell would not expand the reference (shell single quotes), or
     * null when the plain reference works there.
     */
    static Edit shellEdit(String text, int start, int end, String name) {
        int lineStart = ValueSpans.lineStart(text, start);
        if (!inScript(text, lineStart)) {
            return null;
        }
        // a YAML quoted scalar opens right after "- " or "key: "; a quote further on is the shell's
        String prefix = itemOrKey(text, lineStart);
        int scalarStart = lineStart + prefix.length();
        boolean yamlQuoted = !prefix.isBlank() && scalarStart < start && "'\"".indexOf(text.charAt(scalarStart)) >= 0;
        int commandStart = yamlQuoted ? scalarStart + 1 : scalarStart;
        Quotes.Literal shell = Quotes.at(text, commandStart, start, Quotes.Syntax.SHELL);
        if (shell == null || shell.quote() != '\'') {
            return null;
        }
        return !yamlQuoted ? ShellRewriter.edit(text, commandStart, start, end, name)
                : Edit.refuse("the value sits in shell single quotes inside a quoted YAML script line, where the"
                + " shell would not expand the variable; change it by hand");
    }

    /** Whether the line is a script command: under a script key, through list items and block scalars. */
    static boolean inScript(String text, int lineStart) {
        String line = line(text, lineStart);
        if (SCRIPT_KEY.matcher(line).find()) {
            return true;
        }
        int indent = indent(line);
        for (int at = lineStart; at > 0; ) {
            at = ValueSpans.lineStart(text, at - 1);
            String above = line(text, at);
            if (above.isBlank() || indent(above) >= indent) {
                continue;
            }
            if (SCRIPT_KEY.matcher(above).find()) {
                return true;
            }
            if (!above.strip().startsWith("-")) {
                return false;
            }
            indent = indent(above);
        }
        return false;
    }

    /** The line's list-item dash or key in front of its scalar ({@code "  - "}, {@code "script: "}). */
    private static String itemOrKey(String text, int lineStart) {
        String line = line(text, lineStart);
        var m = ITEM_OR_KEY.matcher(line);
        return m.find() ? line.substring(0, m.end()) : "";
    }

    private static String line(String text, int lineStart) {
        return text.substring(lineStart, ValueSpans.lineEnd(text, lineStart));
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
