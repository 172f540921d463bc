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
 * Slack tokens, asked of {@code POST /api/auth.test} (https://api.slack.com/methods/auth.test: no scope needed for
 * bot, user and app-level tokens). Slack answers HTTP 200 with {@code ok} and an {@code error} code; the codes that
 * say the token is gone ({@code token_revoked}, {@code token_expired}, {@code account_inactive}) are dead. Slack
 * documents {@code invalid_auth} as "the provided token is invalid or the request originates from an IP address
 * disallowed from making the request": it cannot tell a dead token from one limited to other addresses, so it is
 * unknown. {@code not_authed} means Slack saw no token
 * at all (a proxy dropped the header): unknown, the token was never judged. Refresh tokens are exchanged, never used,
 * and a webhook can only be tested by posting to the channel: both stay unknown.
 */
public final class SlackVerifier implements Verifier {
    static final String ISSUER = "slack";
    private static final String VENDOR = "Slack";
    private static final Set<String> GONE = Set.of("account_inactive", "token_revoked", "token_expired");

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        Optional<String> noCheck = whyNoCheck(credential);
        if (noCheck.isPresent()) {
            return Verification.unknown(noCheck.get());
        }
        URI base = context.endpoints().require(ISSUER);
        Http.Response response = context.http(ISSUER).post(URI.create(base + "/api/auth.test"), Map.of(
                "Authorization", "Bearer " + credential.secret().reveal(),
                "Content-Type", "application/x-www-form-urlencoded"), "");
        Optional<Verification> notNow = IssuerAnswers.notNow(VENDOR, response);
        if (notNow.isPresent()) {
            return notNow.get();
        }
        JsonNode answer = IssuerAnswers.json(response);
        if (response.status() != 200 || !answer.path("ok").isBoolean()) {
            return IssuerAnswers.unexpected(VENDOR, response);
        }
        return answer.path("ok").asBoolean() ? live(answer, credential) : failed(IssuerAnswers.text(answer, "error"));
    }

    private static Optional<String> whyNoCheck(Credential credential) {
        String secret = credential.secret().reveal();
        if (credential.ruleId().contains("webhook")) {
            return Optional.of("no safe check for webhooks: the only test is posting a message to the channel");
        }
        if (credential.ruleId().equals("slack-refresh-token") || secret.startsWith("xoxr-")) {
            return Optional.of("a Slack refresh token is exchanged for tokens, never sent to auth.test: no safe check");
        }
        return Optional.empty();
    }

    private static Verification failed(String error) {
        if (GONE.contains(error)) {
            return Verification.dead("Slack rejected the token (" + error + ")");
        }
        if (error.equals("invalid_auth")) {
            return Verification.unknown("Slack could not validate the token (invalid_auth): either the token is invalid or"
                    + " it may not be used from this IP address");
        }
        if (error.equals("ratelimited")) {
            return IssuerAnswers.rateLimited(VENDOR);
        }
        if (error.equals("not_authed")) {
            return Verification.unknown("Slack saw no token in the request (not_authed): the token was not judged");
        }
        return Verification.unknown("Slack answered an error auth.test does not document as a rejection ("
                + (error.matches("[a-z_]{1,60}") ? error : "unreadable") + ")");
    }

    private static Verification live(JsonNode answer, Credential credential) {
        String team = IssuerAnswers.text(answer, "team");
        String user = IssuerAnswers.text(answer, "user");
        if (team.isEmpty() && user.isEmpty()) {
            return Verification.live("Slack accepted the token");
        }
        return Verification.live("workspace " + IssuerAnswers.name(team, credential) + ", as " + IssuerAnswers.name(user, credential));
    }
}
