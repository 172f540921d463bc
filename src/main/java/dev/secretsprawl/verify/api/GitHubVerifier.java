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
 * GitHub tokens, asked of {@code GET /user} (https://docs.github.com/en/rest/users/users#get-the-authenticated-user;
 * GitHub Enterprise Server at {@code https://HOST/api/v3}). 401 "Bad credentials" is dead. A 403 is unknown, not
 * dead: installation tokens and fine-grained tokens without the user permission are refused /user while valid,
 * and a 403 with {@code x-ratelimit-remaining: 0} is GitHub's documented rate-limit answer.
 */
public final class GitHubVerifier implements Verifier {
    static final String ISSUER = "github";
    private static final String VENDOR = "GitHub";
    private static final Set<String> API_TOKENS = Set.of("github-pat-classic", "github-oauth-token",
            "github-user-to-server-token", "github-installation-token", "github-fine-grained-pat");
    private static final Map<String, String> NO_CHECK = Map.of(
            "github-refresh-token", "a GitHub refresh token is exchanged for tokens, never sent to the API: no safe check",
            "github-oauth-client-secret", "a GitHub OAuth client secret is checked only with its client id: no check");
    private static final Set<String> PUBLIC_HOSTS = Set.of("github.com", "api.github.com", "raw.githubusercontent.com",
            "gist.github.com", "uploads.github.com", "objects.githubusercontent.com", "codeload.github.com");

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public String scope(Credential credential) {
        // a rejection is dead or not depending on the GitHub Enterprise hosts written nearby
        return String.join(",", NeighbourHosts.all(credential, "github", PUBLIC_HOSTS));
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        if (!API_TOKENS.contains(credential.ruleId())) {
            return Verification.unknown(NO_CHECK.getOrDefault(credential.ruleId(), "no check for this kind of GitHub credential"));
        }
        URI base = context.endpoints().require(ISSUER);
        Http.Response response = context.http(ISSUER).get(URI.create(base + "/user"), Map.of(
                "Authorization", "Bearer " + credential.secret().reveal(),
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28"));
        return read(response, credential, base);
    }

    private static Verification read(Http.Response response, Credential credential, URI base) {
        if (response.status() == 403 && response.header("x-ratelimit-remaining").filter("0"::equals).isPresent()) {
            return IssuerAnswers.rateLimited(VENDOR);
        }
        Optional<Verification> notNow = IssuerAnswers.notNow(VENDOR, response);
        if (notNow.isPresent()) {
            return notNow.get();
        }
        return switch (response.status()) {
            case 200 -> live(response, credential);
            case 401 -> NeighbourHosts.other(credential, "github", base, PUBLIC_HOSTS)
                    .map(host -> Verification.unknown("rejected by " + base.getHost() + ", but the token sits next to " + host
                            + ": check it there with --verify-endpoint github=https://" + host + "/api/v3"))
                    .orElse(Verification.dead("GitHub rejected the token (401 Bad credentials)"));
            case 403 -> Verification.unknown("GitHub refused /user (403): installation and fine-grained tokens may be valid without access to it");
            default -> IssuerAnswers.unexpected(VENDOR, response);
        };
    }

    private static Verification live(Http.Response response, Credential credential) {
        JsonNode user = IssuerAnswers.json(response);
        String login = IssuerAnswers.text(user, "login");
        if (login.isEmpty()) {
            return Verification.unknown("GitHub answered 200 without the documented user login");
        }
        String scopes = response.header("x-oauth-scopes").map(String::strip).orElse("");
        return Verification.live("authenticated as " + IssuerAnswers.name(login, credential)
                + (scopes.isEmpty() ? "" : "; scopes: " + IssuerAnswers.name(scopes, credential)));
    }
}
