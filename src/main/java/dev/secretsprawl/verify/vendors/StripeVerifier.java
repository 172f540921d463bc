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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe secret and restricted keys, by reading the balance ({@code GET /v1/balance}, HTTP Basic with the key
 * as user and no password, as https://docs.stripe.com/api/authentication shows). A restricted key without
 * balance access is refused with 403 after it authenticated, so it is live too.
 */
public final class StripeVerifier implements Verifier {
    static final String ISSUER = "stripe";
    private static final String VENDOR = "Stripe";

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        String key = credential.secret().reveal();
        if (key.startsWith("whsec_")) {
            return Verification.unknown("a webhook signing secret only signs events sent to an endpoint; no Stripe API call checks it");
        }
        if (key.startsWith("pk_")) {
            return Verification.unknown("publishable keys are public by design");
        }
        if (!key.startsWith("sk_") && !key.startsWith("rk_")) {
            return Verification.unknown("not a Stripe secret or restricted key");
        }
        String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        URI balance = URI.create(context.endpoints().require(ISSUER) + "/v1/balance");
        Http.Response reply = context.http(ISSUER).get(balance, Map.of("Authorization", "Basic " + basic));
        return read(reply, describe(key));
    }

    private static Verification read(Http.Response reply, String key) {
        Optional<Verification> inconclusive = IssuerAnswers.notNow(VENDOR, reply);
        if (inconclusive.isPresent()) {
            return inconclusive.get();
        }
        return switch (reply.status()) {
            case 200 -> IssuerAnswers.jsonIfAny(reply).filter(StripeVerifier::isBalance)
                    .map(b -> Verification.live(key + "; it can read the account balance"))
                    .orElseGet(() -> IssuerAnswers.unexpectedBody(VENDOR, reply));
            case 401 -> Verification.dead("Stripe rejected the " + key + " (revoked, rolled, expired or never valid)");
            case 403 -> key.contains("restricted")
                    ? Verification.live(key + "; it authenticated but may not read the balance")
                    : IssuerAnswers.unexpected(VENDOR, reply);
            default -> IssuerAnswers.unexpected(VENDOR, reply);
        };
    }

    private static boolean isBalance(JsonNode body) {
        return "balance".equals(body.path("object").asText());
    }

    /** "live-mode secret key", "test-mode restricted key": from the documented prefixes. */
    static String describe(String key) {
        String mode = key.startsWith("sk_live_") || key.startsWith("rk_live_") ? "live-mode" : "test-mode";
        return mode + (key.startsWith("rk_") ? " restricted key" : " secret key");
    }
}
