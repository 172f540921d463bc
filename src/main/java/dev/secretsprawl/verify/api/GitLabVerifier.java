package dev.secretsprawl.verify.api;

import dev.secretsprawl.verify.IssuerAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GitLab personal, project and group access tokens, asked of {@code GET /api/v4/personal_access_tokens/self}
 * (https://docs.gitlab.com/api/personal_access_tokens/): it describes the token that calls it, with its documented
 * {@code revoked} and {@code active} fields. 401 is dead: GitLab answers it for unknown, revoked and expired tokens.
 * A 403 naming {@code insufficient_scope} is live: GitLab checks expiry and revocation before scopes, so only a
 * valid token gets it (recent versions accept any scope here; older ones wanted api or read_api). Any other 403
 * (a blocked user, an IP restriction) and a 404 (a GitLab older than this endpoint) are unknown.
 * Runner, deploy, trigger, job, feed and the other token kinds of the rule pack do not authenticate to this
 * endpoint, so a rejection would say nothing about them: they stay unknown.
 */
public final class GitLabVerifier implements Verifier {
    static final String ISSUER = "gitlab";
    private static final String VENDOR = "GitLab";
    private static final Set<String> ACCESS_TOKENS = Set.of("gitlab-pat");
    private static final Set<String> PUBLIC_HOSTS = Set.of("gitlab.com", "registry.gitlab.com", "incoming.gitlab.com",
            "about.gitlab.com", "docs.gitlab.com");

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public String scope(Credential credential) {
        // a rejection is dead or not depending on the self-managed GitLab hosts written nearby
        return String.join(",", NeighbourHosts.all(credential, "gitlab", PUBLIC_HOSTS));
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        if (!ACCESS_TOKENS.contains(credential.ruleId())) {
            return Verification.unknown("no check for this kind of GitLab token");
        }
        URI base = context.endpoints().require(ISSUER);
        Http.Response response = context.http(ISSUER).get(URI.create(base + "/api/v4/personal_access_tokens/self"),
                Map.of("PRIVATE-TOKEN", credential.secret().reveal()));
        Optional<Verification> notNow = IssuerAnswers.notNow(VENDOR, response);
        if (notNow.isPresent()) {
            return notNow.get();
        }
        return switch (response.status()) {
            case 200 -> described(IssuerAnswers.json(response), credential);
            case 401 -> NeighbourHosts.other(credential, "gitlab", base, PUBLIC_HOSTS)
                    .map(host -> Verification.unknown("rejected by " + base.getHost() + ", but the token sits next to " + host
                            + ": check it there with --verify-endpoint gitlab=https://" + host))
                    .orElse(Verification.dead("GitLab rejected the token (401 Unauthorized)"));
            case 403 -> response.body().contains("insufficient_scope")
                    ? Verification.live("GitLab accepted the token; its scopes do not cover describing itself")
                    : Verification.unknown("GitLab refused the request (403) without saying the token is invalid");
            case 404 -> Verification.unknown("this GitLab has no personal_access_tokens/self endpoint (older than 15.5?)");
            default -> IssuerAnswers.unexpected(VENDOR, response);
        };
    }

    private static Verification described(JsonNode token, Credential credential) {
        if (!token.path("revoked").isBoolean() || !token.path("active").isBoolean()) {
            return Verification.unknown("GitLab answered 200 without the documented revoked/active fields");
        }
        if (token.path("revoked").asBoolean()) {
            return Verification.dead("GitLab says the token is revoked");
        }
        if (!token.path("active").asBoolean()) {
            return Verification.dead("GitLab says the token is no longer active (expired)");
        }
        String name = IssuerAnswers.text(token, "name");
        String user = IssuerAnswers.text(token, "user_id");
        StringBuilder scopes = new StringBuilder();
        token.path("scopes").forEach(s -> scopes.append(scopes.isEmpty() ? "" : ",").append(s.asText()));
        return Verification.live("token '" + IssuerAnswers.name(name, credential) + "' of user id " + IssuerAnswers.name(user, credential)
                + (scopes.isEmpty() ? "" : "; scopes: " + IssuerAnswers.name(scopes.toString(), credential)));
    }
}
