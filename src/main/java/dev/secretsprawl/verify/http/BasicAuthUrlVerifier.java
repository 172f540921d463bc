package dev.secretsprawl.verify.http;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.net.DocumentationHosts;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Requests the page a {@code user:password} URL (or {@code curl -u}) names, at its own host only, with the
 * credentials in an {@code Authorization: Basic} header and never in the URL. How answers read:
 * <ul>
 *   <li>401 with a Basic challenge: the server refused these credentials, dead. A 401 that does not offer
 *       Basic wants another scheme (a token, Digest) and says nothing about the password: unknown.</li>
 *   <li>2xx or 3xx: live only if the same page without credentials is refused (401, 403, 404), since a public
 *       page answers whatever the password; otherwise unknown.</li>
 *   <li>403 (logged in but forbidden, or refused: it does not tell), 404, 429, 5xx and the rest: unknown.</li>
 * </ul>
 * A Git repository URL ({@code .../repo.git}) is asked for {@code info/refs}, the smart-HTTP page that
 * wants a login on a private repository.
 */
public final class BasicAuthUrlVerifier implements Verifier {
    /** The page may be a large artifact: servers that honour ranges send one byte of it (206, a 2xx). */
    private static final String FIRST_BYTE = "bytes=0-0";

    @Override
    public Set<String> issuers() {
        return Set.of("http-basic");
    }

    @Override
    public String scope(Credential credential) {
        return BasicAuthTargets.of(credential).map(BasicAuthTarget::toString).orElse("");
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        Optional<BasicAuthTarget> found = BasicAuthTargets.of(credential);
        if (found.isEmpty()) {
            return Verification.unknown("no URL written next to the password");
        }
        BasicAuthTarget target = found.get();
        if (DocumentationHosts.isDocumentation(target.origin().getHost())) {
            return Verification.unknown(DocumentationHosts.reason(target.origin().getHost()));
        }
        Http http = context.httpTo(target.origin());
        Http.Response answer = http.get(target.page(), Map.of("Authorization", target.authorization(), "Range", FIRST_BYTE));
        int status = answer.status();
        String who = "user " + target.user() + " at " + target.origin();
        if (status == 401) {
            return offersBasic(answer) ? Verification.dead(who + " was refused (HTTP 401)")
                    : Verification.unknown("the server answered 401 but asks for another kind of login than a password");
        }
        if (status >= 200 && status < 400) {
            int anonymous = http.get(target.page(), Map.of("Range", FIRST_BYTE)).status();
            return anonymous == 401 || anonymous == 403 || anonymous == 404
                    ? Verification.live(who + " is let in (HTTP " + status + "; HTTP " + anonymous + " without the password)")
                    : Verification.unknown("the page answers without a password too (HTTP " + anonymous + "), so it does not tell");
        }
        return Verification.unknown(reason(status));
    }

    private static boolean offersBasic(Http.Response answer) {
        return answer.headers().getOrDefault("www-authenticate", java.util.List.of()).stream()
                .anyMatch(h -> h.toLowerCase(Locale.ROOT).contains("basic"));
    }

    private static String reason(int status) {
        if (status == 403) {
            return "forbidden (HTTP 403): logged in without the right, or refused, the server does not say";
        }
        if (status == 404) {
            return "page not found (HTTP 404)";
        }
        if (status == 429) {
            return "rate limited (HTTP 429)";
        }
        if (status >= 500) {
            return "server error (HTTP " + status + ")";
        }
        return "unexpected answer (HTTP " + status + ")";
    }
}
