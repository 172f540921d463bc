package dev.secretsprawl.verify.offline;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;

import java.util.Set;

/**
 * Private keys, checked offline: is the block a real key, and which public key belongs to it. A private key
 * works wherever its public key is trusted, which we cannot see, so the answer is never live and never dead:
 * unknown, naming the algorithm, size and public-key fingerprint owners search their authorized keys for.
 * A block we cannot parse is unknown too (a wrong "dead" is worse): it may be a format we do not read.
 */
public final class PrivateKeyVerifier implements Verifier {
    @Override
    public Set<String> issuers() {
        return Set.of("private-key");
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) {
        KeyText text = KeyText.of(credential.secret().reveal());
        String label = text.beginLabel();
        try {
            if (label.equals(OpenSshKeys.LABEL)) {
                return OpenSshKeys.check(text);
            }
            if (label.equals(PgpKeys.LABEL)) {
                return PgpKeys.check(text);
            }
            if (PemKeys.reads(label)) {
                return PemKeys.check(text, label);
            }
            if (PuttyKeys.reads(text)) {
                return PuttyKeys.check(text);
            }
            return Verification.unknown("not a private key format we read");
        } catch (UnusableKey e) {
            return Verification.unknown("could not parse the key: " + e.getMessage());
        } catch (RuntimeException e) {
            return Verification.unknown("could not parse the key: its structure is not what its label says");
        }
    }
}
