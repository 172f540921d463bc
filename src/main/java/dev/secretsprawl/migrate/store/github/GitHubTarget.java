package dev.secretsprawl.migrate.store.github;

import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.StoreException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Where {@code github://OWNER/REPO[/ENV]} points: a repository's secrets or one environment's. */
record GitHubTarget(String owner, String repo, Optional<String> environment) {
    private static final String USAGE = "write github://OWNER/REPO for repository secrets or github://OWNER/REPO/ENV"
            + " for an environment's";

    static GitHubTarget of(Destination destination) throws StoreException {
        String owner = destination.uri().getHost() == null ? destination.uri().getAuthority() : destination.uri().getHost();
        List<String> rest = destination.segments();
        if (owner == null || !owner.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})") || rest.isEmpty() || rest.size() > 2
                || !rest.get(0).matches("[A-Za-z0-9._-]{1,100}")) {
            throw new StoreException("'" + destination + "' is not a GitHub destination: " + USAGE);
        }
        return new GitHubTarget(owner, rest.get(0), rest.size() == 2 ? Optional.of(rest.get(1)) : Optional.empty());
    }

    String repository() {
        return owner + "/" + repo;
    }

    /** The secrets collection: {@code /repos/O/R/actions/secrets} or {@code /repos/O/R/environments/ENV/secrets}. */
    String secretsPath() {
        String repoPath = "/repos/" + owner + "/" + repo;
        return environment.map(e -> repoPath + "/environments/" + segment(e) + "/secrets")
                .orElse(repoPath + "/actions/secrets");
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "github://" + repository() + environment.map(e -> "/" + e).orElse("");
    }
}
