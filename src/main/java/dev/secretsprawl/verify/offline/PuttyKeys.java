package dev.secretsprawl.verify.offline;

import dev.secretsprawl.verify.Verification;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

import java.util.List;
import java.util.Optional;

/**
 * PuTTY .ppk files (PuTTY manual appendix C): text headers, then the public key in the SSH wire encoding,
 * always in clear, then the private lines (encrypted or not) and a MAC. We read the public half only.
 */
final class PuttyKeys {
    static final String HEADER = "PuTTY-User-Key-File-";

    private PuttyKeys() {
    }

    static boolean reads(KeyText text) {
        return text.lines().stream().anyMatch(l -> l.startsWith(HEADER));
    }

    static Verification check(KeyText text) throws UnusableKey {
        List<String> lines = text.lines();
        String encryption = value(lines, "Encryption").orElse("none");
        byte[] blob = KeyText.base64(publicLines(lines), "PuTTY public lines");
        AsymmetricKeyParameter pub = OpenSshKeys.publicKey(blob);
        String fingerprint = PublicKeys.sshFingerprint(blob);
        if (!"none".equals(encryption)) {
            return KeyDetails.encrypted("PuTTY", encryption.replaceAll("[^a-z0-9-]", "?"),
                    Optional.of(PublicKeys.describe(pub) + " " + fingerprint));
        }
        return Verification.unknown(PublicKeys.describe(pub) + " private key (PuTTY; its private lines are not checked),"
                + " public key " + fingerprint + "; " + KeyDetails.WHERE);
    }

    private static List<String> publicLines(List<String> lines) throws UnusableKey {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Public-Lines:")) {
                int count;
                try {
                    count = Integer.parseInt(lines.get(i).substring("Public-Lines:".length()).strip());
                } catch (NumberFormatException e) {
                    throw new UnusableKey("its Public-Lines count is not a number");
                }
                if (count < 1 || i + count >= lines.size()) {
                    throw new UnusableKey("it is truncated");
                }
                return lines.subList(i + 1, i + 1 + count);
            }
        }
        throw new UnusableKey("it has no Public-Lines");
    }

    private static Optional<String> value(List<String> lines, String header) {
        return lines.stream().filter(l -> l.startsWith(header + ":"))
                .map(l -> l.substring(header.length() + 1).strip()).findFirst();
    }
}
