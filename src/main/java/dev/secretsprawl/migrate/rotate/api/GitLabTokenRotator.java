package dev.secretsprawl.migrate.rotate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.Rotator;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.IssuerAnswers;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rotates a GitLab access token with the token itself: {@code POST /api/v4/personal_access_tokens/self/rotate}
 * (https://docs.gitlab.com/api/personal_access_tokens/#rotate-a-personal-access-token), which revokes the old token
 * and returns a new one with the same scopes. GitLab would give the new token one week unless told otherwise, so we
 * first read the old token's {@code expires_at} and ask for the same date; an instance that refuses it (400: a
 * shorter maximum lifetime) gets a second call without it. GitLab makes the new value: nothing to propose.
 * A second rotate with the same old token is refused (401): the first one went through, and the runner must have
 * stored the token it returned.
 */
public final class GitLabTokenRotator implements Rotator {
    static final String ISSUER = "gitlab";
    private static final String SELF = "/api/v4/personal_access_tokens/self";
    private final IssuerCalls calls;

    public GitLabTokenRotator() {
        this(IssuerCalls.standard());
    }

    GitLabTokenRotator(IssuerCalls calls) {
        this.calls = calls;
    }

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public Optional<String> cannotRotate(Credential legacy, AdminAccess admin) {
        return GitLabTokens.onlyAccessTokens(legacy, "rotate");
    }

    @Override
    public Optional<Secret> propose(Credential legacy) {
        return Optional.empty();
    }

    @Override
    public Secret rotate(Credential legacy, Optional<Secret> proposed, AdminAccess admin, VerifyContext context)
            throws IOException, InterruptedException {
        URI base = context.endpoints().require(ISSUER);
        Http http = context.http(ISSUER);
        Map<String, String> auth = Map.of("PRIVATE-TOKEN", legacy.secret().reveal());
        Optional<String> keep = expiry(http, base, auth);
        Http.Response response = calls.send("GitLab", http, "POST",
                URI.create(base + SELF + "/rotate" + keep.map(d -> "?expires_at=" + d).orElse("")), auth, "");
        if (response.status() == 400 && keep.isPresent()) {
            response = calls.send("GitLab", http, "POST", URI.create(base + SELF + "/rotate"), auth, "");
        }
        if (response.status() != 200) {
            throw GitLabTokens.refused(response, "rotate");
        }
        String token = IssuerAnswers.text(IssuerAnswers.json(response), "token");
        if (token.isEmpty()) {
            throw new IssuerCallException("GitLab answered the rotation without the documented new token; the old token"
                    + " may be revoked already: check the token in GitLab and issue a new one by hand if needed");
        }
        return new Secret(token);
    }

    /** The old token's expiry date when it lies ahead; empty when unknown (GitLab then picks its default). */
    private Optional<String> expiry(Http http, URI base, Map<String, String> auth) throws IOException, InterruptedException {
        Http.Response self = calls.send("GitLab", http, "GET", URI.create(base + SELF), auth, null);
        if (self.status() != 200) {
            return Optional.empty();
        }
        JsonNode token = IssuerAnswers.json(self);
        String date = IssuerAnswers.text(token, "expires_at");
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}") || !LocalDate.parse(date).isAfter(LocalDate.now(ZoneOffset.UTC))) {
            return Optional.empty();
        }
        return Optional.of(date);
    }

    @Override
    public boolean rotationRevokesLegacy() {
        return true;
    }
}
