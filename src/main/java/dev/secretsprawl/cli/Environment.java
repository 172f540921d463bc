package dev.secretsprawl.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The process environment the stores read their credentials from ({@code VAULT_TOKEN}, {@code GITHUB_TOKEN},
 * {@code SPRAWL_STORE_KEY}). In-process tests add to it instead of changing the real one.
 */
final class Environment {
    private static volatile Map<String, String> extra = Map.of();

    private Environment() {
    }

    static Map<String, String> get() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(extra);
        return env;
    }

    /** For tests: these variables on top of the real environment, until {@link #reset()}. */
    static void add(Map<String, String> variables) {
        extra = Map.copyOf(variables);
    }

    static void reset() {
        extra = Map.of();
    }
}
