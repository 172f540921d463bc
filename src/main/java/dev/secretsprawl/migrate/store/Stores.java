package dev.secretsprawl.migrate.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The explicit list of stores; a test fails when a destination scheme has none. */
public final class Stores {
    private static final List<StoreFactory> FACTORIES = List.of(
            new LocalFileStore.Factory(),
            new dev.secretsprawl.migrate.store.github.GitHubActionsStore.Factory(),
            new dev.secretsprawl.migrate.store.gitlab.GitLabVariablesStore.Factory(),
            new dev.secretsprawl.migrate.store.vault.VaultKvStore.Factory());

    private Stores() {
    }

    public static List<StoreFactory> all() {
        return FACTORIES;
    }

    public static SecretStore open(Destination destination, Map<String, String> env) throws IOException {
        for (StoreFactory f : FACTORIES) {
            if (f.scheme().equals(destination.scheme())) {
                return f.open(destination, env);
            }
        }
        throw new StoreException("no store for " + destination.scheme() + ":// destinations is built yet");
    }
}
