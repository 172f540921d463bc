package dev.secretsprawl.verify.api;

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
 * npm registry tokens, asked of {@code GET /-/whoami} with a bearer token (the call behind {@code npm whoami}).
 * 200 with a username is live, 401 dead; a 403 (a granular token limited to other IP ranges) is unknown.
 * An {@code .npmrc} line may hold the token of another registry ({@code //npm.corp.internal/:_authToken=});
 * that token is never sent to npm's registry. {@code _auth} and {@code _password} are basic credentials of
 * private registries: no check.
 */
public final class NpmVerifier implements Verifier {
    static final String ISSUER = "npm";
    private static final String VENDOR = "npm";
    private static final String PUBLIC_REGISTRY = "registry.npmjs.org";
    private static final Pattern REGISTRY_KEY = Pattern.compile("//([A-Za-z0-9.-]+)(?::\\d+)?(?:/[^\\s=:]*)?:(_\\w+)\\s*=");

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public String scope(Credential credential) {
        // the .npmrc key in front of the token decides whether it is npm's to check at all
        return keyOf(credential.context().reveal(), credential.secret().reveal())
                .map(m -> m.group(1).toLowerCase(Locale.ROOT) + ":" + m.group(2)).orElse("");
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        URI base = context.endpoints().require(ISSUER);
        Optional<String> noCheck = whyNoCheck(credential, base);
        if (noCheck.isPresent()) {
            return Verification.unknown(noCheck.get());
        }
        Http.Response response = context.http(ISSUER).get(URI.create(base + "/-/whoami"),
                Map.of("Authorization", "Bearer " + credential.secret().reveal(), "Accept", "application/json"));
        Optional<Verification> notNow = IssuerAnswers.notNow(VENDOR, response);
        if (notNow.isPresent()) {
            return notNow.get();
        }
        return switch (response.status()) {
            case 200 -> {
                String user = IssuerAnswers.text(IssuerAnswers.json(response), "username");
                yield user.isEmpty() ? Verification.unknown("npm answered 200 without the documented username")
                        : Verification.live("authenticated as " + IssuerAnswers.name(user, credential));
            }
            case 401 -> Verification.dead("npm rejected the token (401)");
            case 403 -> Verification.unknown("npm refused the request (403): the token may be limited to other addresses");
            default -> IssuerAnswers.unexpected(VENDOR, response);
        };
    }

    private static Optional<String> whyNoCheck(Credential credential, URI base) {
        if (credential.ruleId().equals("npmrc-basic-auth")) {
            return Optional.of("an .npmrc _auth is a basic credential of a private registry: no check");
        }
        String secret = credential.secret().reveal();
        if (secret.startsWith("npm_")) {
            return Optional.empty(); // only npm's registry issues npm_ tokens, whatever line they sit on
        }
        Optional<Matcher> key = keyOf(credential.context().reveal(), secret);
        if (key.isEmpty()) {
            // npm-legacy-token matches only npm's own key or an NPM_TOKEN setting; elsewhere the registry is unnamed
            return credential.ruleId().equals("npm-legacy-token") ? Optional.empty()
                    : Optional.of("no registry named next to this credential: not sent to npm's");
        }
        String host = key.get().group(1).toLowerCase(Locale.ROOT);
        if (!key.get().group(2).equals("_authToken")) {
            return Optional.of("an .npmrc " + key.get().group(2) + " is a basic credential of a private registry: no check");
        }
        if (!host.equals(PUBLIC_REGISTRY) && !host.equalsIgnoreCase(base.getHost())) {
            return Optional.of("a token of another registry (" + host + "): never sent to npm's");
        }
        return Optional.empty();
    }

    /** The {@code //host/path:_key=} in front of the secret on its own line, if any. */
    private static Optional<Matcher> keyOf(String context, String secret) {
        int at = context.indexOf(secret);
        if (at < 0) {
            return Optional.empty();
        }
        int lineStart = context.lastIndexOf('\n', at) + 1;
        Matcher m = REGISTRY_KEY.matcher(context.substring(lineStart, at));
        return m.find() ? Optional.of(m) : Optional.empty();
    }
}
