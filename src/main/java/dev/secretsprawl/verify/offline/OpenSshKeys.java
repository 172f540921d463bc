package dev.secretsprawl.verify.offline;

import dev.secretsprawl.verify.Verification;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * OpenSSH's own private key format (openssh-portable PROTOCOL.key): a clear header with the cipher, the KDF and
 * the public key, then the private section. The public key is readable even when a passphrase locks the rest.
 */
final class OpenSshKeys {
    static final String LABEL = "OPENSSH PRIVATE KEY";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private OpenSshKeys() {
    }

    static Verification check(KeyText text) throws UnusableKey {
        byte[] bytes = KeyText.base64(body(text.lines()), "OpenSSH body");
        SshReader reader = new SshReader(bytes);
        if (!reader.startsWith(MAGIC)) {
            throw new UnusableKey("its OpenSSH body does not start with the openssh-key-v1 magic");
        }
        String cipher = reader.string();
        String kdf = reader.string();
        reader.bytes();
        int keys = reader.uint32();
        if (keys != 1) {
            throw new UnusableKey("it declares " + keys + " keys; OpenSSH writes one");
        }
        byte[] publicBlob = reader.bytes();
        AsymmetricKeyParameter pub = publicKey(publicBlob);
        String fingerprint = PublicKeys.sshFingerprint(publicBlob);
        if (!"none".equals(cipher)) {
            return KeyDetails.encrypted("OpenSSH", printable(cipher) + ", KDF " + printable(kdf),
                    Optional.of(PublicKeys.describe(pub) + " " + fingerprint));
        }
        checkPrivateHalf(bytes, publicBlob);
        return Verification.unknown(PublicKeys.describe(pub) + " private key (OpenSSH), public key " + fingerprint
                + "; " + KeyDetails.WHERE);
    }

    /** The private section must parse (its two check integers agree) and derive the public key of the header. */
    private static void checkPrivateHalf(byte[] bytes, byte[] publicBlob) throws UnusableKey {
        AsymmetricKeyParameter key;
        try {
            key = OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(bytes);
        } catch (RuntimeException e) {
            throw new UnusableKey("its OpenSSH private section is malformed or truncated");
        }
        byte[] derived;
        try {
            derived = OpenSSHPublicKeyUtil.encodePublicKey(PublicKeys.publicOf(key));
        } catch (IOException | RuntimeException e) {
            throw new UnusableKey("its OpenSSH key type is not one we read");
        }
        if (!Arrays.equals(derived, publicBlob)) {
            throw new UnusableKey("its private half does not match the public key in its header");
        }
    }

    static AsymmetricKeyParameter publicKey(byte[] blob) throws UnusableKey {
        try {
            return OpenSSHPublicKeyUtil.parsePublicKey(blob);
        } catch (RuntimeException e) {
            throw new UnusableKey("its public key is malformed or of a type we do not read");
        }
    }

    private static List<String> body(List<String> lines) {
        int begin = lines.indexOf("-----BEGIN " + LABEL + "-----");
        int end = lines.indexOf("-----END " + LABEL + "-----");
        return begin < 0 || end < begin ? List.of() : lines.subList(begin + 1, end);
    }

    /** Cipher and KDF names come from the file: keep them short and printable. */
    private static String printable(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9@._-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
