package dev.secretsprawl.migrate.store.github;

import dev.secretsprawl.migrate.store.StoreException;

import java.util.Locale;

/**
 * GitHub's rules for secret names: letters, digits and underscores only, not starting with a digit, and not
 * with the reserved {@code GITHUB_} prefix (names are case-insensitive, so neither with {@code github_}).
 */
final class SecretNames {
    private SecretNames() {
    }

    static void check(String name) throws StoreException {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new StoreException("'" + printable(name) + "' is not a valid GitHub secret name: use letters, digits and"
                    + " underscores, not starting with a digit (e.g. DB_PASSWORD); rename the credential in the plan");
        }
        if (name.toUpperCase(Locale.ROOT).startsWith("GITHUB_")) {
            throw new StoreException("'" + name + "' starts with GITHUB_, which GitHub reserves for its own secrets;"
                    + " rename the credential in the plan");
        }
    }

    private static String printable(String name) {
        String s = name.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
