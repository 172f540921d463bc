package dev.secretsprawl.verify;

import java.io.IOException;
import java.util.Set;

/**
 * Asks one issuer whether a credential still authenticates. Implementations send the credential to their
 * issuer's configured endpoint (or, for databases, brokers and URLs, to the host written next to it) and
 * nowhere else; {@link VerifyContext#http} refuses any other host.
 */
public interface Verifier {
    /** The rule issuers this verifier answers for ({@code issuer = "..."} in the rule pack). */
    Set<String> issuers();

    /**
     * Live, dead, or unknown with a reason. Throwing is allowed for transport failures: the caller turns an
     * exception into {@link Verification#unknown} naming its kind.
     */
    Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException;

    /**
     * What, besides the secret itself, decides the answer: the same password on two database hosts is two
     * checks. The issuer and rule are part of the cache key already; returned text is hashed into it, never shown.
     */
    default String scope(Credential credential) {
        return "";
    }

    /**
     * For a credential whose rule names no issuer (a generic {@code password = ...}): whether what is written
     * next to it makes it this verifier's (a database host, port and user in the same config file).
     */
    default boolean claims(Credential credential) {
        return false;
    }
}
