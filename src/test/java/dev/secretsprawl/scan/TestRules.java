package dev.secretsprawl.scan;

import dev.secretsprawl.rules.RuleLoader;

/** Minimal compiled rules for filter tests, built from TOML so new rule fields never break them. */
final class TestRules {
    private TestRules() {
    }

    static CompiledRule rule(String id, boolean generic) {
        return CompiledRule.of(RuleLoader.parse("""
                [[rules]]
                id = "%s"
                description = "test rule"
                regex = '''(.+)'''
                secretGroup = 1
                keywords = ["t"]
                generic = %s
                match = ["x"]
                nomatch = ["y"]
                """.formatted(id, generic), "test.toml").get(0));
    }
}
