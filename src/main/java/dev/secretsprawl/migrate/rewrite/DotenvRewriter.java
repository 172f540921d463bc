package dev.secretsprawl.migrate.rewrite;

import java.util.List;

/**
 * {@code .env} files: the value becomes {@code ${NAME}}, which docker compose and dotenv-expand interpolate
 * from the environment. Unquoted and double-quoted values interpolate; single quotes do not, so a value that
 * is a whole single-quoted string loses its quotes and one inside a longer string gets double quotes.
 */
public final class DotenvRewriter implements Rewriter {
    @Override
    public String fileType() {
        return "dotenv";
    }

    @Override
    public boolean handles(String path) {
        String name = PathNames.lowerFileName(path);
        return name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env");
    }

    @Override
    public String reference(String name) {
        return "${" + name + "}";
    }

    @Override
    public Rewrite rewrite(String text, List<Spot> spots) {
        return ValueSpans.apply(text, spots, (t, start, end, spot) -> edit(t, start, end, reference(spot.name())))
                .toRewrite();
    }

    private static Edit edit(String text, int start, int end, String reference) {
        Quotes.Literal literal = Quotes.at(text, ValueSpans.lineStart(text, start), start, Quotes.Syntax.SHELL);
        if (literal == null || literal.quote() == '"') {
            return Edit.replace(start, end, reference);
        }
        if (literal.isWhole(text, start, end)) {
            return Edit.replace(start - 1, end + 1, reference);
        }
        return Quotes.requoteDouble(text, literal, start, end, reference, Quotes.Syntax.SHELL);
    }
}
