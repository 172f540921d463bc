package dev.secretsprawl.migrate.rewrite;

/**
 * Which string literal, if any, holds an offset of a text: enough lexing to choose a reference that works in
 * its quoting, nothing more. Knows quotes, backslash escapes and, for Groovy, triple quotes and comments.
 */
final class Quotes {
    /** The quoting rules of one file type. */
    enum Syntax {
        /** Shell, .env, Dockerfile: backslash escapes outside quotes and inside double quotes only. */
        SHELL(false, true, false),
        /** YAML, JSON, TOML: backslash escapes inside double quotes only; single quotes escape by doubling. */
        DATA(false, false, false),
        /** Groovy (Jenkinsfile): escapes in both quotes, triple-quoted strings, // and block comments. */
        GROOVY(true, false, true);

        final boolean escapesInSingle;
        final boolean escapesOutside;
        final boolean groovy;

        Syntax(boolean escapesInSingle, boolean escapesOutside, boolean groovy) {
            this.escapesInSingle = escapesInSingle;
            this.escapesOutside = escapesOutside;
            this.groovy = groovy;
        }
    }

    /** An open string literal: its quote character, where its opening quote starts, whether it is triple. */
    record Literal(char quote, int open, boolean triple) {
        /** Whether {@code text[start, end)} is the literal's whole content. */
        boolean isWhole(String text, int start, int end) {
            int width = triple ? 3 : 1;
            return open + width == start && text.startsWith(String.valueOf(quote).repeat(width), end);
        }
    }

    /** Receives each character outside strings and comments (Groovy block structure needs the braces). */
    @FunctionalInterface
    interface CodeVisitor {
        void code(int offset, char c);
    }

    private Quotes() {
    }

    /** The literal holding {@code offset} when lexing from {@code from} (a line start, or 0), or null. */
    static Literal at(String text, int from, int offset, Syntax syntax) {
        return scan(text, from, offset, syntax, (i, c) -> { });
    }

    static Literal scan(String text, int from, int to, Syntax syntax, CodeVisitor visitor) {
        char quote = 0;
        int open = -1;
        boolean triple = false;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (quote == 0) {
                if (syntax.groovy && text.startsWith("//", i)) {
                    i = skipTo(text, "\n", i);
                } else if (syntax.groovy && text.startsWith("/*", i)) {
                    i = skipTo(text, "*/", i + 2) + 2;
                } else if (c == '\\' && syntax.escapesOutside) {
                    i += 2;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    open = i;
                    triple = syntax.groovy && text.startsWith(String.valueOf(c).repeat(3), i);
                    i += triple ? 3 : 1;
                } else {
                    visitor.code(i, c);
                    i++;
                }
            } else if (c == '\\' && (quote == '"' || syntax.escapesInSingle)) {
                i += 2;
            } else if (c == quote && (!triple || text.startsWith(String.valueOf(c).repeat(3), i))) {
                i += triple ? 3 : 1;
                quote = 0;
            } else {
                i++;
            }
        }
        return quote == 0 ? null : new Literal(quote, open, triple);
    }

    private static int skipTo(String text, String marker, int from) {
        int at = text.indexOf(marker, from);
        return at < 0 ? text.length() : at;
    }

    /** Offset of the quote closing {@code literal} at or after {@code from} on the same line, or -1. */
    static int closing(String text, Literal literal, int from, Syntax syntax) {
        for (int i = from; i < text.length() && text.charAt(i) != '\n'; i++) {
            char c = text.charAt(i);
            if (c == '\\' && (literal.quote() == '"' || syntax.escapesInSingle)) {
                i++;
            } else if (c == literal.quote()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An edit turning a single-quoted literal holding {@code text[start, end)} into a double-quoted one with
     * {@code reference} in place of the value, or a refusal when its content would change meaning (it holds
     * a double quote, a backslash or a dollar that double quotes would interpret).
     */
    static Edit requoteDouble(String text, Literal literal, int start, int end, String reference, Syntax syntax) {
        int close = literal.triple() ? -1 : closing(text, literal, end, syntax);
        if (close < 0) {
            return Edit.refuse("the value sits in a single-quoted string that spans lines; change it by hand");
        }
        String before = text.substring(literal.open() + 1, start);
        String after = text.substring(end, close);
        if ((before + after).chars().anyMatch(c -> c == '"' || c == '\\' || c == '$')) {
            return Edit.refuse("the value sits in a single-quoted string that cannot become double-quoted as is;"
                    + " change it by hand");
        }
        return Edit.replace(literal.open(), close + 1, '"' + before + reference + after + '"');
    }
}
