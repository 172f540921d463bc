package dev.secretsprawl.migrate.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code --to} destination: {@code vault://[HOST:PORT]/MOUNT/PREFIX}, {@code github://OWNER/REPO[/ENV]},
 * {@code gitlab://GROUP/PROJECT} or {@code file://PATH}. Holds no credential: stores take theirs from the
 * environment ({@code VAULT_TOKEN}, {@code GITHUB_TOKEN}, ...).
 */
public record Destination(String scheme, URI uri) {
    public static final Set<String> SCHEMES = Set.of("vault", "github", "gitlab", "file");

    public static Destination parse(String spec) {
        URI uri;
        try {
            // file:// alone means the default local store; java.net.URI wants a path after an empty authority
            uri = new URI("file://".equals(spec.trim()) ? "file:///" : spec.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + spec + "' is not a destination URI; write one of "
                    + "vault://[HOST:PORT]/MOUNT/PREFIX, github://OWNER/REPO[/ENV], gitlab://GROUP/PROJECT, file://PATH");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("unknown destination '" + (scheme.isEmpty() ? spec : scheme + "://")
                    + "'; write one of vault://[HOST:PORT]/MOUNT/PREFIX, github://OWNER/REPO[/ENV], "
                    + "gitlab://GROUP/PROJECT, file://PATH");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a destination must not hold a credential; give the store's token "
                    + "in its environment variable instead (VAULT_TOKEN, GITHUB_TOKEN, GITLAB_TOKEN)");
        }
        return new Destination(scheme, uri);
    }

    /** Path segments after the authority, without empty ones ({@code /secret/ci/app} gives secret, ci, app). */
    public java.util.List<String> segments() {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
