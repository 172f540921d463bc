package dev.secretsprawl.verify.offline;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Web Tokens, checked offline from their own claims: an "exp" in the past makes a token dead (RFC 7519
 * section 4.1.4: it must not be accepted after it). Nothing offline proves a token live: its issuer may have
 * revoked it, so every other token is unknown with the reason. A token we cannot decode is unknown, never dead.
 */
public final class JwtVerifier implements Verifier {
    private final Clock clock;

    public JwtVerifier() {
        this(Clock.systemUTC());
    }

    /** With this clock, so tests decide what "now" is. */
    public JwtVerifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> issuers() {
        return Set.of("jwt");
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) {
        try {
            return judge(JwtToken.parse(credential.secret().reveal()));
        } catch (JwtToken.Malformed e) {
            return Verification.unknown("not a decodable JWT: " + e.getMessage());
        }
    }

    private Verification judge(JwtToken token) throws JwtToken.Malformed {
        Instant now = clock.instant();
        Optional<Instant> exp = token.date("exp");
        Optional<Instant> nbf = token.date("nbf");
        String about = about(token);
        if (exp.isPresent() && !exp.get().isAfter(now)) {
            return Verification.dead("expired at " + iso(exp.get()) + about);
        }
        if (nbf.isPresent() && nbf.get().isAfter(now)) {
            return Verification.unknown("not valid before " + iso(nbf.get()) + about);
        }
        if (exp.isEmpty()) {
            return Verification.unknown("no expiry: only its issuer can tell" + about);
        }
        return Verification.unknown("not expired (expires " + iso(exp.get())
                + "); only its issuer can tell if it is revoked" + about);
    }

    /** Who the token speaks for and whether anyone could have minted it: what an owner needs to act. */
    private static String about(JwtToken token) {
        List<String> parts = new ArrayList<>();
        token.text("iss").ifPresent(iss -> parts.add("issuer " + iss));
        token.text("sub").ifPresent(sub -> parts.add("subject " + sub));
        if (token.unsigned()) {
            parts.add("unsigned (alg none): anyone can forge such a token");
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
