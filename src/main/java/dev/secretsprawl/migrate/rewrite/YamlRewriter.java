package dev.secretsprawl.migrate.rewrite;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * YAML files, whose runtime decides the reference: a GitHub workflow's {@code ${{ secrets.NAME }}}, a GitLab
 * pipeline's {@code $NAME} (a project CI/CD variable), docker compose's and Spring's {@code ${NAME}}. The
 * references need no YAML quoting in plain, single- or double-quoted scalars of block style; a plain value
 * inside a flow collection ({@code {a: b}}, {@code [a, b]}) is quoted when it is the whole scalar. GitLab
 * script lines also respect the shell's quoting ({@link GitLabScripts}).
 */
public final class YamlRewriter implements Rewriter {
    private final String fileType;
    private final Predicate<String> handles;
    private final Function<String, String> reference;
    /** The reference written for NAME in front of the character at an offset ({@code $NAMEx} needs braces). */
    private final BiFunction<String, Boolean, String> written;
    /** The runtime's own rule for a spot (a reserved name, shell quoting), or none when the plain reference fits. */
    private final ValueSpans.Replacer runtimeRule;

    private YamlRewriter(String fileType, Predicate<String> handles, Function<String, String> reference,
                         BiFunction<String, Boolean, String> written) {
        this(fileType, handles, reference, written, (text, start, end, spot) -> null);
    }

    private YamlRewriter(String fileType, Predicate<String> handles, Function<String, String> reference,
                         BiFunction<String, Boolean, String> written, ValueSpans.Replacer runtimeRule) {
        this.fileType = fileType;
        this.handles = handles;
        this.reference = reference;
        this.written = written;
        this.runtimeRule = runtimeRule;
    }

    public static YamlRewriter githubActions() {
        Function<String, String> ref = name -> "${{ secrets." + name + " }}";
        // GitHub reserves the GITHUB_ prefix: secrets.GITHUB_TOKEN is the workflow's own token, not ours
        return new YamlRewriter("github-actions",
                path -> PathNames.under(path, ".github/workflows/") && isYaml(path), ref, (n, next) -> ref.apply(n),
                (text, start, end, spot) -> spot.name().toUpperCase(Locale.ROOT).startsWith("GITHUB_")
                        ? Edit.refuse("GitHub reserves the secret name " + spot.name() + "; give the credential another name")
                        : null);
    }

    public static YamlRewriter gitlabCi() {
        return new YamlRewriter("gitlab-ci",
                path -> PathNames.lowerFileName(path).endsWith(".gitlab-ci.yml")
                        || PathNames.lowerFileName(path).equals(".gitlab-ci.yml")
                        || PathNames.under(path, ".gitlab/ci/") && isYaml(path),
                name -> "$" + name, (n, nameFollows) -> nameFollows ? "${" + n + "}" : "$" + n,
                (text, start, end, spot) -> GitLabScripts.shellEdit(text, start, end, spot.name()));
    }

    public static YamlRewriter compose() {
        Function<String, String> ref = name -> "${" + name + "}";
        return new YamlRewriter("compose", path -> {
            String file = PathNames.lowerFileName(path);
            return isYaml(path) && (file.startsWith("docker-compose") || file.startsWith("compose"));
        }, ref, (n, next) -> ref.apply(n));
    }

    public static YamlRewriter yaml() {
        Function<String, String> ref = name -> "${" + name + "}";
        return new YamlRewriter("yaml", YamlRewriter::isYaml, ref, (n, next) -> ref.apply(n));
    }

    private static boolean isYaml(String path) {
        return PathNames.endsWithAny(path, ".yml", ".yaml");
    }

    @Override
    public String fileType() {
        return fileType;
    }

    @Override
    public boolean handles(String path) {
        return handles.test(path);
    }

    @Override
    public String reference(String name) {
        return reference.apply(name);
    }

    @Override
    public Rewrite rewrite(String text, List<Spot> spots) {
        return ValueSpans.apply(text, spots, this::edit).toRewrite();
    }

    private Edit edit(String text, int start, int end, Spot spot) {
        Edit special = runtimeRule.edit(text, start, end, spot);
        if (special != null) {
            return special;
        }
        String ref = written.apply(spot.name(), ValueSpans.continuesName(text, end));
        int[] flowDepth = {0};
        Quotes.Literal literal = Quotes.scan(text, ValueSpans.lineStart(text, start), start, Quotes.Syntax.DATA,
                (i, c) -> flowDepth[0] += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0);
        if (literal != null || flowDepth[0] <= 0) {
            return Edit.replace(start, end, ref);
        }
        boolean wholeScalar = " [{,:".indexOf(text.charAt(start - 1)) >= 0
                && (end == text.length() || " ,]}\r\n".indexOf(text.charAt(end)) >= 0);
        return wholeScalar ? Edit.replace(start, end, '"' + ref + '"')
                : Edit.refuse("the value is part of a plain scalar inside a flow collection; change it by hand");
    }
}
