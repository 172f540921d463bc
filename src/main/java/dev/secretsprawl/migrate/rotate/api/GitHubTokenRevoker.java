package dev.secretsprawl.migrate.rotate.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.Revoker;
import dev.secretsprawl.migrate.store.rest.RestApi;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Revokes GitHub personal access tokens (classic and fine-grained) with {@code POST /credentials/revoke}
 * (https://docs.github.com/en/rest/credentials/revoke): unauthenticated by design (an authenticated call gets 403),
 * 202 Accepted, revocation then happens asynchronously, so the runner proves the token dead with the verifier
 * afterwards. GitHub accepts the same token twice, so revoking again is success. 422 means invalid or "spammed"
 * (GitHub allows 60 calls an hour), 500 a GitHub failure: both tell the user to retry later.
 */
public final class GitHubTokenRevoker implements Revoker {
    static final String ISSUER = "github";
    private static final Set<String> REVOCABLE = Set.of("github-pat-classic", "github-fine-grained-pat");
    private final IssuerCalls calls;

    public GitHubTokenRevoker() {
        this(IssuerCalls.standard());
    }

    GitHubTokenRevoker(IssuerCalls calls) {
        this.calls = calls;
    }

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public Optional<String> cannotRevoke(Credential legacy, AdminAccess admin) {
        if (REVOCABLE.contains(legacy.ruleId())) {
            return Optional.empty();
        }
        return Optional.of("GitHub's revocation API takes only personal access tokens (ghp_, github_pat_); revoke this "
                + legacy.ruleId() + " in its owner's or app's settings");
    }

    @Override
    public void revoke(Credential legacy, AdminAccess admin, VerifyContext context) throws IOException, InterruptedException {
        URI base = context.endpoints().require(ISSUER);
        ObjectNode body = RestApi.JSON.createObjectNode();
        body.putArray("credentials").add(legacy.secret().reveal());
        Http.Response response = calls.send("GitHub", context.http(ISSUER), "POST", URI.create(base + "/credentials/revoke"),
                Map.of("Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28",
                        "Content-Type", "application/json"), RestApi.JSON.writeValueAsString(body));
        switch (response.status()) {
            case 202 -> { }
            case 422 -> throw new IssuerCallException("GitHub refused the revocation request (422: invalid, or too many"
                    + " revocation requests from this address); retry later or revoke the token in its owner's settings");
            default -> throw new IssuerCallException("GitHub answered the revocation request with HTTP " + response.status()
                    + (response.status() >= 500 ? "; retry later" : ", which its documentation does not describe"));
        }
    }
}
