package dev.secretsprawl.migrate.rewrite;

import java.util.List;

/**
 * Shell scripts: the value becomes {@code "$NAME"}, quoted so that word splitting and globbing never touch
 * it. Inside double quotes it is {@code $NAME} (or {@code ${NAME}} before a name character); inside single
 * quotes the string is closed around it ({@code 'user:'"$NAME"'@host'}), which keeps the command's meaning.
 * Quoting is judged on the spot's own line; here-documents and strings spanning lines are not understood.
 */
public final class ShellRewriter implements Rewriter {
    @Override
    public String fileType() {
        return "shell";
    }

    @Override
    public boolean handles(String path) {
        return PathNames.endsWithAny(path, ".sh", ".bash", ".zsh", ".ksh");
    }

    @Override
    public String reference(String name) {
        return "\"$" + name + "\"";
    }

    @Override
    public Rewrite rewrite(String text, List<Spot> spots) {
        return ValueSpans.apply(text, spots,
                (t, start, end, spot) -> edit(t, ValueSpans.lineStart(t, start), start, end, spot.name()))
                .toRewrite();
    }

    /** The shell edit for the value at {@code text[start, end)}, lexing its quotes from {@code from}. */
    static Edit edit(String text, int from, int start, int end, String name) {
        Quotes.Literal literal = Quotes.at(text, from, start, Quotes.Syntax.SHELL);
        if (literal == null) {
            return Edit.replace(start, end, "\"$" + name + "\"");
        }
        if (literal.quote() == '"') {
            return Edit.replace(start, end, ValueSpans.continuesName(text, end) ? "${" + name + "}" : "$" + name);
        }
        // close the single-quoted string around the reference, absorbing a quote pair left empty at either edge
        int editStart = literal.open() == start - 1 ? start - 1 : start;
        boolean closesRightAfter = end < text.length() && text.charAt(end) == '\'';
        int editEnd = closesRightAfter ? end + 1 : end;
        return Edit.replace(editStart, editEnd, (editStart == start ? "'" : "") + "\"$" + name + "\""
                + (closesRightAfter ? "" : "'"));
    }
}
