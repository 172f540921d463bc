package dev.secretsprawl.migrate.rewrite;

import java.util.List;
import java.util.Optional;

/** The explicit list of rewriters, most specific first; a file no rewriter handles needs a manual change. */
public final class Rewriters {
    private static final List<Rewriter> ALL = List.of(
            new JenkinsfileRewriter(),
            YamlRewriter.githubActions(),
            YamlRewriter.gitlabCi(),
            new DockerfileRewriter(),
            YamlRewriter.compose(),
            new DotenvRewriter(),
            new ShellRewriter(),
            ConfigFileRewriter.properties(),
            ConfigFileRewriter.json(),
            ConfigFileRewriter.xml(),
            ConfigFileRewriter.toml(),
            ConfigFileRewriter.ini(),
            YamlRewriter.yaml());

    private Rewriters() {
    }

    public static List<Rewriter> all() {
        return ALL;
    }

    public static Optional<Rewriter> forPath(String path) {
        return ALL.stream().filter(r -> r.handles(path)).findFirst();
    }
}
