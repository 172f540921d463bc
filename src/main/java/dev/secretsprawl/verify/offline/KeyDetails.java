package dev.secretsprawl.verify.offline;

import dev.secretsprawl.verify.Verification;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

import java.util.Optional;

/**
 * What we say about a private key. Never live: a private key works wherever its public key is trusted, which
 * no file shows; never dead either. So the answer is unknown, naming the public key owners can search for.
 * Only public facts go in: algorithm, size, fingerprints.
 */
final class KeyDetails {
    static final String WHERE = "it works wherever that public key is trusted (authorized_keys, deploy keys,"
            + " certificates), which we cannot see";

    private KeyDetails() {
    }

    /** A key we read whole. {@code pin}: also name the TLS pin, for PEM keys that may back certificates. */
    static Verification readable(String format, AsymmetricKeyParameter pub, boolean pin) {
        return Verification.unknown(PublicKeys.describe(pub) + " private key (" + format + "), public key "
                + names(pub, pin) + "; " + WHERE);
    }

    /** A key locked with a passphrase; some formats still show the public key in clear. */
    static Verification encrypted(String format, String how, Optional<String> publicKey) {
        return Verification.unknown("encrypted with a passphrase (" + format + ", " + how + ")"
                + publicKey.map(p -> "; public key " + p + "; " + WHERE)
                        .orElse("; its public key cannot be read without the passphrase"));
    }

    /** The fingerprints of a public key, e.g. {@code Ed25519 256-bit SHA256:...}. */
    static String names(AsymmetricKeyParameter pub, boolean pin) {
        Optional<String> ssh = PublicKeys.sshFingerprint(pub);
        Optional<String> spki = pin ? PublicKeys.spkiPin(pub) : Optional.empty();
        String text = ssh.orElse("");
        if (spki.isPresent()) {
            text += (text.isEmpty() ? "" : ", ") + "pin-sha256 " + spki.get();
        }
        return text.isEmpty() ? "(no fingerprint for this key type)" : text;
    }
}
