package dev.secretsprawl.migrate.rewrite;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Declarative Jenkinsfiles ({@code Jenkinsfile}, {@code Jenkinsfile.*}, {@code *.jenkinsfile}). A value that is
 * a whole string assigned in an {@code environment} block becomes {@code credentials('id')}, the id being the
 * credential NAME in lower case with dashes ({@code DB_PASSWORD} → {@code db-password}). Anywhere else the
 * value becomes an environment reference that works in its quoting, and the pipeline's top-level
 * {@code environment} block gets {@code NAME = credentials('id')} so the variable exists (the line is added, or
 * the block is created after {@code agent}). In an {@code sh} step's script the shell expands it: {@code $NAME}
 * in single quotes, {@code \$NAME} in a GString, as Jenkins advises so that Groovy never interpolates a secret
 * into the command. Elsewhere it is {@code ${env.NAME}} in a GString, a single-quoted string becoming one. Scripted pipelines have no such block and Groovy files
 * of shared libraries ({@code vars/*.groovy}) are code rather than pipelines: both are left to a manual change
 * (usually {@code withCredentials}).
 */
public final class JenkinsfileRewriter implements Rewriter {
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*$");
    private static final String DEFAULT_INDENT = "    ";
    /** What precedes the script string of an {@code sh} step: {@code sh '}, {@code sh(}, {@code sh(returnStdout: true, script: }. */
    private static final Pattern SH_ARGUMENT = Pattern.compile("\\bsh\\s*(?:\\(\\s*|\\(.*\\bscript\\s*:\\s*)?$");

    @Override
    public String fileType() {
        return "jenkinsfile";
    }

    @Override
    public boolean handles(String path) {
        String name = PathNames.lowerFileName(path);
        return name.equals("jenkinsfile") || name.startsWith("jenkinsfile.") || name.endsWith(".jenkinsfile");
    }

    @Override
    public String reference(String name) {
        return "credentials('" + credentialId(name) + "')";
    }

    /** The Jenkins credential id for credential NAME: {@code DB_PASSWORD} → {@code db-password}. */
    public static String credentialId(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Rewrite rewrite(String text, List<Spot> spots) {
        boolean declarative = PipelineLayout.of(text).pipelineOpen() >= 0;
        Set<String> needed = new LinkedHashSet<>();
        ValueSpans.Applied applied = ValueSpans.apply(text, spots, (t, start, end, spot) -> {
            Edit edit = edit(t, start, end, spot, declarative);
            if (!edit.refused() && !edit.replacement().startsWith("credentials(")) {
                needed.add(spot.name());
            }
            return edit;
        });
        String result = applied.text();
        for (String name : needed) {
            result = declare(result, name, ValueSpans.lineBreak(text));
        }
        return applied.toRewrite(result);
    }

    private Edit edit(String text, int start, int end, Spot spot, boolean declarative) {
        Deque<String> blocks = new ArrayDeque<>();
        Quotes.Literal literal = Quotes.scan(text, 0, start, Quotes.Syntax.GROOVY, blockTracker(text, blocks));
        if (literal == null) {
            return Edit.refuse("the value is not inside a string literal; change it by hand");
        }
        boolean inEnvironment = "environment".equals(blocks.peek());
        String before = text.substring(ValueSpans.lineStart(text, literal.open()), literal.open());
        if (inEnvironment && !literal.triple() && literal.isWhole(text, start, end) && ASSIGNMENT.matcher(before).matches()) {
            return Edit.replace(literal.open(), end + 1, reference(spot.name()));
        }
        if (!declarative) {
            return Edit.refuse("a scripted pipeline has no environment block to bind the credential;"
                    + " wrap the step in withCredentials by hand");
        }
        String name = spot.name();
        String gstringReference = "${env." + name + "}";
        if (!inEnvironment && SH_ARGUMENT.matcher(before).find()) {
            // the shell expands the variable; in a GString the dollar is escaped so Groovy never interpolates the secret
            String variable = ValueSpans.continuesName(text, end) ? "${" + name + "}" : "$" + name;
            return Edit.replace(start, end, literal.quote() == '"' ? "\\" + variable : variable);
        }
        if (literal.quote() == '"') {
            return Edit.replace(start, end, gstringReference);
        }
        return Quotes.requoteDouble(text, literal, start, end, gstringReference, Quotes.Syntax.GROOVY);
    }

    /** Keeps {@code blocks} as the names of the blocks open at each point ({@code stage('x') {} → stage}). */
    static Quotes.CodeVisitor blockTracker(String text, Deque<String> blocks) {
        return (i, c) -> {
            if (c == '{') {
                blocks.push(nameBefore(text, i));
            } else if (c == '}' && !blocks.isEmpty()) {
                blocks.pop();
            }
        };
    }

    private static String nameBefore(String text, int brace) {
        int i = brace - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i >= 0 && text.charAt(i) == ')') {
            for (int depth = 0; i >= 0; i--) {
                depth += text.charAt(i) == ')' ? 1 : text.charAt(i) == '(' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            i--;
            while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
                i--;
            }
        }
        int end = i + 1;
        while (i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i--;
        }
        return text.substring(i + 1, end);
    }

    /** TEXT with {@code NAME = credentials('id')} in the pipeline's top-level environment block. */
    private String declare(String text, String name, String lineBreak) {
        PipelineLayout layout = PipelineLayout.of(text);
        String line = name + " = " + reference(name);
        if (layout.environmentOpen() >= 0) {
            String body = text.substring(layout.environmentOpen(), Math.max(layout.environmentOpen(), layout.environmentClose()));
            if (Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s*=").matcher(body).find()) {
                return text;
            }
            int at = afterLine(text, layout.environmentOpen());
            boolean entryFollows = at < layout.environmentClose() && !text.substring(at, ValueSpans.lineEnd(text, at)).isBlank();
            String indent = entryFollows ? indentOf(text, at) : indentOf(text, layout.environmentOpen()) + layout.indentUnit();
            if (layout.environmentClose() >= 0 && layout.environmentClose() < at) {
                at = layout.environmentOpen() + 1; // a one-line block: open it up
                return text.substring(0, at) + lineBreak + indent + line + lineBreak + indent + text.substring(at).stripLeading();
            }
            return text.substring(0, at) + indent + line + lineBreak + text.substring(at);
        }
        boolean afterAgent = layout.agentEnd() >= 0;
        int anchor = afterAgent ? layout.agentEnd() : layout.pipelineOpen();
        String indent = afterAgent ? indentOf(text, layout.agentStart())
                : indentOf(text, layout.pipelineOpen()) + layout.indentUnit();
        int at = afterLine(text, anchor);
        String block = indent + "environment {" + lineBreak + indent + layout.indentUnit() + line + lineBreak
                + indent + "}" + lineBreak;
        return text.substring(0, at) + (at == text.length() && !text.endsWith("\n") ? lineBreak : "") + block
                + text.substring(at);
    }

    /** Offset just after the line break ending the line that holds {@code offset}. */
    private static int afterLine(String text, int offset) {
        int nl = text.indexOf('\n', offset);
        return nl < 0 ? text.length() : nl + 1;
    }

    static String indentOf(String text, int offset) {
        int start = ValueSpans.lineStart(text, offset);
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    /**
     * Where a declarative pipeline's parts sit: its opening brace, its top-level environment block (open and
     * close braces) and its agent directive (start, end); -1 for a part that is missing.
     */
    record PipelineLayout(int pipelineOpen, int environmentOpen, int environmentClose, int agentStart, int agentEnd,
                          String indentUnit) {
        static PipelineLayout of(String text) {
            LayoutFinder finder = new LayoutFinder(text);
            Quotes.scan(text, 0, text.length(), Quotes.Syntax.GROOVY, finder);
            return new PipelineLayout(finder.pipelineOpen, finder.environmentOpen, finder.environmentClose,
                    finder.agentStart, finder.agentEnd, indentUnit(text, finder.pipelineOpen));
        }

        /** The indentation one level adds: the first line inside the pipeline compared with its own line. */
        private static String indentUnit(String text, int pipelineOpen) {
            if (pipelineOpen < 0) {
                return DEFAULT_INDENT;
            }
            String outer = indentOf(text, pipelineOpen);
            for (int at = afterLine(text, pipelineOpen); at < text.length(); at = afterLine(text, at)) {
                if (!text.substring(at, ValueSpans.lineEnd(text, at)).isBlank()) {
                    String inner = indentOf(text, at);
                    return inner.startsWith(outer) && inner.length() > outer.length()
                            ? inner.substring(outer.length()) : DEFAULT_INDENT;
                }
            }
            return DEFAULT_INDENT;
        }
    }

    /** Walks the code outside strings and comments, noting the pipeline's parts as their braces go by. */
    private static final class LayoutFinder implements Quotes.CodeVisitor {
        private final String text;
        private final Deque<String> blocks = new ArrayDeque<>();
        private final Quotes.CodeVisitor tracker;
        int pipelineOpen = -1;
        int environmentOpen = -1;
        int environmentClose = -1;
        int agentStart = -1;
        int agentEnd = -1;

        LayoutFinder(String text) {
            this.text = text;
            this.tracker = blockTracker(text, blocks);
        }

        @Override
        public void code(int i, char c) {
            if (inPipelineBody() && agentStart < 0 && isWord(i, "agent")) {
                agentStart = i;
                agentEnd = ValueSpans.lineEnd(text, i); // agent any / none / label 'x'
            }
            if (c == '}' && inTopLevelBlock("agent")) {
                agentEnd = i;
            }
            if (c == '}' && inTopLevelBlock("environment") && environmentClose < 0) {
                environmentClose = i;
            }
            tracker.code(i, c);
            if (c == '{' && inPipelineBody() && pipelineOpen < 0) {
                pipelineOpen = i;
            }
            if (c == '{' && inTopLevelBlock("environment") && environmentOpen < 0) {
                environmentOpen = i;
            }
        }

        private boolean inPipelineBody() {
            return blocks.size() == 1 && "pipeline".equals(blocks.peek());
        }

        private boolean inTopLevelBlock(String name) {
            return blocks.size() == 2 && name.equals(blocks.peek()) && "pipeline".equals(blocks.peekLast());
        }

        private boolean isWord(int at, String word) {
            int end = at + word.length();
            return text.startsWith(word, at) && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
        }
    }
}
