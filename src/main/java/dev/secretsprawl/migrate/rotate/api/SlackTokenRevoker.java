package dev.secretsprawl.migrate.rotate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.Revoker;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.IssuerAnswers;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Revokes Slack bot and user tokens by calling {@code auth.revoke} with the token itself
 * (https://api.slack.com/methods/auth.revoke): {@code {"ok": true, "revoked": true}}. A token Slack already
 * refuses ({@code invalid_auth}, {@code token_revoked}, {@code token_expired}, {@code account_inactive}) is dead
 * already: success, and the runner's verification then says whether it really is.
 */
public final class SlackTokenRevoker implements Revoker {
    static final String ISSUER = "slack";
    private static final Set<String> REVOCABLE = Set.of("slack-bot-token", "slack-user-token", "slack-legacy-token",
            "slack-rotating-token");
    private static final Set<String> ALREADY_DEAD = Set.of("invalid_auth", "token_revoked", "token_expired", "account_inactive");
    private final IssuerCalls calls;

    public SlackTokenRevoker() {
        this(IssuerCalls.standard());
    }

    SlackTokenRevoker(IssuerCalls calls) {
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
        return Optional.of("auth.revoke takes only Slack bot and user tokens; remove this " + legacy.ruleId()
                + " in the Slack app's settings (api.slack.com/apps)");
    }

    @Override
    public void revoke(Credential legacy, AdminAccess admin, VerifyContext context) throws IOException, InterruptedException {
        URI base = context.endpoints().require(ISSUER);
        Http.Response response = calls.send("Slack", context.http(ISSUER), "POST", URI.create(base + "/api/auth.revoke"),
                Map.of("Authorization", "Bearer " + legacy.secret().reveal(),
                        "Content-Type", "application/x-www-form-urlencoded"), "");
        JsonNode answer = IssuerAnswers.json(response);
        if (response.status() != 200 || !answer.path("ok").isBoolean()) {
            throw new IssuerCallException("Slack answered auth.revoke with HTTP " + response.status()
                    + (response.status() >= 500 ? "; retry later" : " and no documented ok field"));
        }
        String error = IssuerAnswers.text(answer, "error");
        if (answer.path("ok").asBoolean() ? answer.path("revoked").asBoolean(false) : ALREADY_DEAD.contains(error)) {
            return;
        }
        throw new IssuerCallException(answer.path("ok").asBoolean() ? "Slack answered auth.revoke without revoked: true"
                : "Slack refused auth.revoke (" + (error.matches("[a-z_]{1,60}") ? error : "unreadable error")
                + "); revoke the token in the Slack app's settings");
    }
}
