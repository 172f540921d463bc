package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.IssuerAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SendGrid API keys, by listing the key's own scopes ({@code GET /v3/scopes} with a Bearer key): every key may
 * read its own scopes, so 401 is a rejected key. A 403 is unknown: IP access management refuses any key from
 * an address not on the account's list, valid or not.
 */
public final class SendGridVerifier implements Verifier {
    static final String ISSUER = "sendgrid";
    private static final String VENDOR = "SendGrid";
    private static final String EU_HOST = "api.eu.sendgrid.com";

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public String scope(Credential credential) {
        // a key used with the EU host is not asked of the global one
        return usedInEu(credential) ? EU_HOST : "";
    }

    private static boolean usedInEu(Credential credential) {
        return credential.context().reveal().toLowerCase(Locale.ROOT).contains(EU_HOST);
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        URI base = context.endpoints().require(ISSUER);
        // keys of EU regional subusers only work on the EU host; asking the global one would wrongly say dead
        if (usedInEu(credential) && !EU_HOST.equalsIgnoreCase(base.getHost())) {
            return Verification.unknown("the key is used with " + EU_HOST + "; check it with --verify-endpoint sendgrid=https://" + EU_HOST);
        }
        Http.Response reply = context.http(ISSUER).get(URI.create(base + "/v3/scopes"),
                Map.of("Authorization", "Bearer " + credential.secret().reveal(), "Accept", "application/json"));
        return read(reply);
    }

    private static Verification read(Http.Response reply) {
        Optional<Verification> inconclusive = IssuerAnswers.notNow(VENDOR, reply);
        if (inconclusive.isPresent()) {
            return inconclusive.get();
        }
        return switch (reply.status()) {
            case 200 -> IssuerAnswers.jsonIfAny(reply).map(b -> b.path("scopes")).filter(JsonNode::isArray)
                    .map(SendGridVerifier::live)
                    .orElseGet(() -> IssuerAnswers.unexpectedBody(VENDOR, reply));
            case 401 -> Verification.dead("SendGrid rejected the API key (deleted or never valid)");
            case 403 -> Verification.unknown("SendGrid refused the call (HTTP 403) without saying whether the key is valid"
                    + " (IP access management refuses every key from an address not on its list)");
            default -> IssuerAnswers.unexpected(VENDOR, reply);
        };
    }

    private static Verification live(JsonNode scopes) {
        boolean sends = false;
        for (JsonNode scope : scopes) {
            sends |= "mail.send".equals(scope.asText());
        }
        return Verification.live("API key with " + scopes.size() + " scope" + (scopes.size() == 1 ? "" : "s")
                + (sends ? ", mail.send among them" : ""));
    }
}
