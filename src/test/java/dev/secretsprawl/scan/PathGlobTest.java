package dev.secretsprawl.scan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathGlobTest {
    @ParameterizedTest
    @CsvSource({
            "*.min.js, web/app.min.js, true",
            "*.min.js, app.js, false",
            "docs/, docs/guide/a.md, true",
            "docs/, src/docs.md, false",
            "src/test/resources/**, src/test/resources/corpus/a.env, true",
            "src/test/resources/**, src/main/resources/a.env, false",
            "**/fixtures/*.json, a/b/fixtures/x.json, true",
            "**/fixtures/*.json, fixtures/x.json, true",
            "**/fixtures/*.json, a/fixtures/deep/x.json, false",
            "/build, build/out.txt, true",
            "/build, sub/build/out.txt, false",
            "node_modules, web/node_modules/pkg/index.js, true",
            "?.txt, a.txt, true",
            "?.txt, ab.txt, false"})
    void shouldMatchLikeGitignore(String glob, String path, boolean expected) {
        assertThat(PathGlob.of(glob).matches(path)).as(glob + " ~ " + path).isEqualTo(expected);
    }
}
