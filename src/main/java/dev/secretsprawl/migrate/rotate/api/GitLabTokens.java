package dev.secretsprawl.migrate.rotate.api;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;

import java.util.Optional;

/** What the GitLab rotator and revoker share: which tokens the self endpoints take, and their refusals in our words. */
final class GitLabTokens {
    private GitLabTokens() {
    }

    /** Personal, project and group access tokens (all glpat-) act on themselves; other GitLab tokens cannot. */
    static Optional<String> onlyAccessTokens(Credential legacy, String action) {
        if (legacy.ruleId().equals("gitlab-pat")) {
            return Optional.empty();
        }
        return Optional.of("GitLab can " + action + " only access tokens (glpat-) through the API; " + action + " this "
                + legacy.ruleId() + " in GitLab's settings where it was made");
    }

    static IssuerCallException refused(Http.Response response, String action) {
        String why = switch (response.status()) {
            case 400 -> "GitLab refused to " + action + " the token (400)";
            case 401 -> "GitLab rejected the token (401): it is revoked or expired already, so it cannot " + action
                    + " itself; if an earlier run rotated it, use the token stored then, else issue a new token by hand";
            case 403 -> "GitLab refused (403): the token needs the api or self_rotate scope to " + action + " itself;"
                    + " " + action + " it by hand in GitLab";
            case 404, 405 -> "this GitLab has no personal_access_tokens/self/" + (action.equals("rotate") ? "rotate " : "")
                    + "endpoint (HTTP " + response.status() + "; added in GitLab 16.10): " + action + " the token by hand";
            default -> "GitLab answered HTTP " + response.status() + (response.status() >= 500 ? "; retry later" : "");
        };
        return new IssuerCallException(why);
    }
}
