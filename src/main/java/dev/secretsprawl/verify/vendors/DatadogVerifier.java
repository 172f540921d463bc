package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.IssuerAnswers;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Datadog API and application keys (Datadog API reference, Key Management). An API key is checked alone
 * ({@code GET /api/v1/validate}: 200 {@code {"valid": true}}, 403 when invalid). An application key only works
 * with an API key of the same organization: the API key written next to it is checked first, then both
 * together ({@code GET /api/v2/validate_keys}). A refusal there is unknown, never dead: the application key may be
 * alive in another organisation than the API key next to it.
 */
public final class DatadogVerifier implements Verifier {
    static final String ISSUER = "datadog";
    private static final String VENDOR = "Datadog";
    private static final Pattern API_KEY = Pattern.compile("(?i)api[_.-]?key\\w*[\"']?\\s*[:=]\\s*[\"']?([0-9a-f]{32})\\b");
    /** The documented sites other than the default one (datadoghq.com). */
    private static final Pattern SITE = Pattern.compile(
            "(?i)\\b((?:us3|us5|ap1|ap2|uk1)\\.datadoghq\\.com|datadoghq\\.eu|(?:us2\\.)?ddog-gov\\.com)\\b");

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public String scope(Credential credential) {
        // the site written nearby decides where (and whether) the key is asked; an application key goes with its API key
        String sites = String.join(",", NearbyText.all(SITE, credential)).toLowerCase(Locale.ROOT);
        return sites + "|" + (isApplicationKey(credential) ? "app|" + NearbyText.closest(API_KEY, credential).orElse("") : "api");
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        URI base = context.endpoints().require(ISSUER);
        Optional<String> site = otherSite(credential, base);
        if (site.isPresent()) {
            // keys belong to one site; another site's "invalid" would be a wrong dead
            return Verification.unknown("the key is used with Datadog site " + site.get() + "; check it with"
                    + " --verify-endpoint datadog=https://api." + site.get());
        }
        Http http = context.http(ISSUER);
        if (!isApplicationKey(credential)) {
            return readApiKey(validateApiKey(http, base, credential.secret().reveal()), base);
        }
        Optional<String> apiKey = NearbyText.closest(API_KEY, credential);
        if (apiKey.isEmpty()) {
            return Verification.unknown("an application key is checked together with an API key, and none is next to it");
        }
        Verification api = readApiKey(validateApiKey(http, base, apiKey.get()), base);
        if (api.status() != Verification.Status.LIVE) {
            return Verification.unknown("the API key next to the application key is not accepted (" + api.detail()
                    + "), so the application key cannot be checked");
        }
        Http.Response reply = http.get(URI.create(base + "/api/v2/validate_keys"), Map.of("DD-API-KEY", apiKey.get(),
                "DD-APPLICATION-KEY", credential.secret().reveal(), "Accept", "application/json"));
        return readApplicationKey(reply, base);
    }

    private static boolean isApplicationKey(Credential credential) {
        return credential.ruleId().contains("app-key");
    }

    private static Optional<String> otherSite(Credential credential, URI base) {
        Matcher m = SITE.matcher(credential.context().reveal());
        while (m.find()) {
            String site = m.group(1).toLowerCase(Locale.ROOT);
            if (!("api." + site).equalsIgnoreCase(base.getHost())) {
                return Optional.of(site);
            }
        }
        return Optional.empty();
    }

    private static Http.Response validateApiKey(Http http, URI base, String apiKey) throws IOException, InterruptedException {
        return http.get(URI.create(base + "/api/v1/validate"), Map.of("DD-API-KEY", apiKey, "Accept", "application/json"));
    }

    private static Verification readApiKey(Http.Response reply, URI base) {
        Optional<Verification> inconclusive = IssuerAnswers.notNow(VENDOR, reply);
        if (inconclusive.isPresent()) {
            return inconclusive.get();
        }
        return switch (reply.status()) {
            case 200 -> IssuerAnswers.jsonIfAny(reply).filter(b -> b.path("valid").asBoolean(false))
                    .map(b -> Verification.live("API key valid on " + base.getHost()))
                    .orElseGet(() -> IssuerAnswers.unexpectedBody(VENDOR, reply));
            case 403 -> Verification.dead(base.getHost() + " rejected the API key");
            default -> IssuerAnswers.unexpected(VENDOR, reply);
        };
    }

    private static Verification readApplicationKey(Http.Response reply, URI base) {
        Optional<Verification> inconclusive = IssuerAnswers.notNow(VENDOR, reply);
        if (inconclusive.isPresent()) {
            return inconclusive.get();
        }
        return switch (reply.status()) {
            case 200 -> IssuerAnswers.jsonIfAny(reply).filter(b -> "ok".equals(b.path("status").asText()))
                    .map(b -> Verification.live("application key valid on " + base.getHost() + " with the API key next to it"))
                    .orElseGet(() -> IssuerAnswers.unexpectedBody(VENDOR, reply));
            case 401, 403 -> Verification.unknown("the application key was refused with the API key next to it; they may belong"
                    + " to different organisations");
            default -> IssuerAnswers.unexpected(VENDOR, reply);
        };
    }
}
