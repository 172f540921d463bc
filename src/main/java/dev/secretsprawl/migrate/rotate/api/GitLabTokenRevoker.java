package dev.secretsprawl.migrate.rotate.api;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.Revoker;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Revokes a GitLab access token with the token itself: {@code DELETE /api/v4/personal_access_tokens/self}
 * (https://docs.gitlab.com/api/personal_access_tokens/#revoke-a-personal-access-token), 204 No Content. GitLab answers
 * 401 for a token that is revoked or expired already: dead already, so success.
 */
public final class GitLabTokenRevoker implements Revoker {
    private final IssuerCalls calls;

    public GitLabTokenRevoker() {
        this(IssuerCalls.standard());
    }

    GitLabTokenRevoker(IssuerCalls calls) {
        this.calls = calls;
    }

    @Override
    public Set<String> issuers() {
        return Set.of(GitLabTokenRotator.ISSUER);
    }

    @Override
    public Optional<String> cannotRevoke(Credential legacy, AdminAccess admin) {
        return GitLabTokens.onlyAccessTokens(legacy, "revoke");
    }

    @Override
    public void revoke(Credential legacy, AdminAccess admin, VerifyContext context) throws IOException, InterruptedException {
        URI base = context.endpoints().require(GitLabTokenRotator.ISSUER);
        Http.Response response = calls.send("GitLab", context.http(GitLabTokenRotator.ISSUER), "DELETE",
                URI.create(base + "/api/v4/personal_access_tokens/self"),
                Map.of("PRIVATE-TOKEN", legacy.secret().reveal()), null);
        if (response.status() != 204 && response.status() != 401) {
            throw GitLabTokens.refused(response, "revoke");
        }
    }
}
