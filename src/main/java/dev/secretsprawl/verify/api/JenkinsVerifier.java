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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jenkins API tokens, asked of the Jenkins written next to them: {@code GET {url}/whoAmI/api/json} with HTTP basic
 * user:token (https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/). A 401 is dead
 * only when Jenkins itself sent it (its responses carry an {@code X-Jenkins} version header; an SSO proxy's 401 does
 * not) and the user is the one written with the token (URL userinfo, {@code -auth}, {@code --username},
 * {@code JENKINS_USER(NAME)}): a guessed user's 401 says nothing about the token. An answer as {@code anonymous} means no credential was used (a proxy
 * in front may drop the header): unknown. Parameter defaults and secrets encrypted at rest are not API tokens.
 */
public final class JenkinsVerifier implements Verifier {
    static final String ISSUER = "jenkins";
    private static final String VENDOR = "Jenkins";
    private static final Set<String> API_TOKENS = Set.of("jenkins-api-token", "jenkins-api-token-url", "jenkins-cli-auth-token");

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public String scope(Credential credential) {
        String text = credential.context().reveal();
        String token = credential.secret().reveal();
        return JenkinsNeighbours.url(text, token).map(URI::toString).orElse("") + "|"
                + JenkinsNeighbours.namedUser(text, token).map(u -> u.name() + "|" + u.stated()).orElse("");
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        if (!API_TOKENS.contains(credential.ruleId())) {
            return Verification.unknown(credential.ruleId().equals("jenkins-encrypted-secret")
                    ? "encrypted at rest: only the Jenkins controller that wrote it can read it; no check"
                    : "a job parameter default is a credential for some other system: no Jenkins check");
        }
        String text = credential.context().reveal();
        String token = credential.secret().reveal();
        Optional<URI> url = JenkinsNeighbours.url(text, token);
        if (url.isEmpty()) {
            return Verification.unknown("no Jenkins URL next to the token");
        }
        Optional<JenkinsNeighbours.User> user = JenkinsNeighbours.namedUser(text, token);
        if (user.isEmpty()) {
            return Verification.unknown("no Jenkins user next to the token");
        }
        String basic = Base64.getEncoder().encodeToString((user.get().name() + ":" + token).getBytes(StandardCharsets.UTF_8));
        Http.Response response = context.httpTo(url.get()).get(URI.create(url.get() + "/whoAmI/api/json"),
                Map.of("Authorization", "Basic " + basic, "Accept", "application/json"));
        return read(response, credential, url.get(), user.get());
    }

    private static Verification read(Http.Response response, Credential credential, URI url, JenkinsNeighbours.User who) {
        String user = IssuerAnswers.name(who.name(), credential);
        Optional<Verification> notNow = IssuerAnswers.notNow(VENDOR, response);
        if (notNow.isPresent()) {
            return notNow.get();
        }
        return switch (response.status()) {
            case 200 -> whoAmI(IssuerAnswers.json(response), credential, url);
            case 401 -> rejected(response, url, user, who.stated());
            case 403 -> Verification.unknown("Jenkins at " + url.getHost() + " refused whoAmI (403) without rejecting the token");
            case 404 -> Verification.unknown("no Jenkins answered at " + url.getHost() + " (404 for whoAmI)");
            default -> IssuerAnswers.unexpected(VENDOR, response);
        };
    }

    private static Verification rejected(Http.Response response, URI url, String user, boolean stated) {
        if (response.header("X-Jenkins").isEmpty()) {
            return Verification.unknown("a 401 at " + url.getHost() + " without Jenkins' X-Jenkins header: a proxy in front"
                    + " (SSO) may have refused the request before Jenkins saw the token");
        }
        if (!stated) {
            return Verification.unknown("Jenkins at " + url.getHost() + " rejected the token with user " + user
                    + ", a name guessed from a setting nearby: the token may be another user's");
        }
        return Verification.dead("Jenkins at " + url.getHost() + " rejected the token of user " + user);
    }

    private static Verification whoAmI(JsonNode me, Credential credential, URI url) {
        String name = IssuerAnswers.text(me, "name");
        if (!me.path("authenticated").isBoolean() || name.isEmpty()) {
            return Verification.unknown("the answer at " + url.getHost() + " is not Jenkins' documented whoAmI");
        }
        if (me.path("anonymous").asBoolean(false) || name.equals("anonymous")) {
            return Verification.unknown("Jenkins at " + url.getHost() + " answered as anonymous: the token was not used");
        }
        if (!me.path("authenticated").asBoolean()) {
            return Verification.unknown("Jenkins at " + url.getHost() + " answered without authenticating the token");
        }
        return Verification.live("authenticated as " + IssuerAnswers.name(name, credential) + " at " + url.getHost());
    }
}
