package dev.secretsprawl.migrate.store;

import java.io.IOException;
import java.util.Map;

/** Opens the store of one destination scheme, taking its credentials from ENV (never from the URI). */
public interface StoreFactory {
    String scheme();

    SecretStore open(Destination destination, Map<String, String> env) throws IOException;
}
