package dev.secretsprawl.migrate.rewrite;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dockerfiles. The value becomes a build argument NAME, declared by an {@code ARG NAME} line (no default)
 * added right before the instruction unless the stage already declares it; the build passes it with
 * {@code --build-arg NAME=...}. {@code ENV X=value} becomes {@code ENV X=${NAME}}; a value in a {@code RUN}
 * command gets the shell's {@code "$NAME"}. {@code ARG X=value} simply loses its default, so X itself is
 * the build argument. This is the smallest change that rescans clean; an {@code ENV} still bakes the value
 * into the image, so moving to {@code RUN --mount=type=secret} stays a follow-up the plan points out.
 */
public final class DockerfileRewriter implements Rewriter {
    private static final Pattern INSTRUCTION = Pattern.compile("^\\s*([A-Za-z]+)\\s");
    private static final Pattern ARG_DEFAULT = Pattern.compile("^\\s*ARG\\s+[A-Za-z_][A-Za-z0-9_]*(=)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM = Pattern.compile("^\\s*FROM\\s", Pattern.CASE_INSENSITIVE);

    @Override
    public String fileType() {
        return "dockerfile";
    }

    @Override
    public boolean handles(String path) {
        String name = PathNames.lowerFileName(path);
        return name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile");
    }

    @Override
    public String reference(String name) {
        return "${" + name + "}";
    }

    @Override
    public Rewrite rewrite(String text, List<Spot> spots) {
        ValueSpans.Applied applied = ValueSpans.apply(text, spots, this::edit);
        StringBuilder out = new StringBuilder(applied.text());
        String lineBreak = ValueSpans.lineBreak(text);
        // top-down, so a declaration added for one instruction serves the ones below it in the stage
        int shift = 0;
        for (ValueSpans.Placed placed : applied.placed()) {
            String current = out.toString();
            int instructionStart = instructionStart(current, placed.offset() + shift);
            String name = placed.spot().name();
            if (!"ARG".equals(instruction(current, instructionStart)) && !declared(current, instructionStart, name)) {
                String declaration = current.substring(instructionStart, instructionStart + indentWidth(current, instructionStart))
                        + "ARG " + name + lineBreak;
                out.insert(instructionStart, declaration);
                shift += declaration.length();
            }
        }
        return applied.toRewrite(out.toString());
    }

    private Edit edit(String text, int start, int end, Spot spot) {
        int instructionStart = instructionStart(text, start);
        String instruction = instruction(text, instructionStart);
        if ("ARG".equals(instruction)) {
            Matcher m = ARG_DEFAULT.matcher(text.substring(instructionStart, ValueSpans.lineEnd(text, instructionStart)));
            int equals = m.find() ? instructionStart + m.start(1) : -1;
            if (equals < 0 || ValueSpans.lineEnd(text, start) != ValueSpans.lineEnd(text, instructionStart)) {
                return Edit.refuse("the value is not an ARG default; change it by hand");
            }
            int valueEnd = ValueSpans.lineEnd(text, end);
            String rest = text.substring(end, valueEnd);
            int defaultEnd = rest.isBlank() || rest.equals("\"") || rest.equals("'") ? valueEnd : -1;
            return defaultEnd < 0 ? Edit.refuse("the ARG line holds more than its default; change it by hand")
                    : Edit.replace(equals, defaultEnd, "");
        }
        if ("RUN".equals(instruction)) {
            return ShellRewriter.edit(text, instructionStart, start, end, spot.name());
        }
        Quotes.Literal literal = Quotes.at(text, instructionStart, start, Quotes.Syntax.SHELL);
        if (literal == null || literal.quote() == '"') {
            return Edit.replace(start, end, reference(spot.name()));
        }
        return literal.isWhole(text, start, end) ? Edit.replace(start - 1, end + 1, reference(spot.name()))
                : Edit.refuse("single quotes stop the substitution; change the value by hand");
    }

    /** Start of the instruction's first line: continuation lines end with a backslash. */
    private static int instructionStart(String text, int offset) {
        int start = ValueSpans.lineStart(text, offset);
        while (start > 0) {
            int previous = ValueSpans.lineStart(text, start - 1);
            if (!text.substring(previous, ValueSpans.lineEnd(text, previous)).stripTrailing().endsWith("\\")) {
                break;
            }
            start = previous;
        }
        return start;
    }

    private static String instruction(String text, int lineStart) {
        Matcher m = INSTRUCTION.matcher(text.substring(lineStart, ValueSpans.lineEnd(text, lineStart)) + " ");
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
    }

    /** Whether an {@code ARG NAME} line sits between the stage's FROM and this instruction. */
    private static boolean declared(String text, int instructionStart, String name) {
        Pattern arg = Pattern.compile("^\\s*ARG\\s+" + Pattern.quote(name) + "\\s*$", Pattern.CASE_INSENSITIVE);
        String[] lines = text.substring(0, instructionStart).split("\r?\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (arg.matcher(lines[i]).find()) {
                return true;
            }
            if (FROM.matcher(lines[i]).find()) {
                return false;
            }
        }
        return false;
    }

    private static int indentWidth(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i - lineStart;
    }
}
