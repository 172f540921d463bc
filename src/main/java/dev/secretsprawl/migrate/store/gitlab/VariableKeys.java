package dev.secretsprawl.migrate.store.gitlab;

import dev.secretsprawl.migrate.store.StoreException;

/** GitLab's rule for variable keys: 1 to 255 letters, digits and underscores. */
final class VariableKeys {
    private VariableKeys() {
    }

    static void check(String key) throws StoreException {
        if (!key.matches("[A-Za-z0-9_]{1,255}")) {
            String shown = key.replaceAll("\\p{Cntrl}", "?");
            throw new StoreException("'" + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown)
                    + "' is not a valid GitLab variable key: use up to 255 letters, digits and underscores (e.g. DB_PASSWORD);"
                    + " rename the credential in the plan");
        }
    }
}
