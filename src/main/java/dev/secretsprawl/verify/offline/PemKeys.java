package dev.secretsprawl.verify.offline;

import dev.secretsprawl.verify.Verification;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PEM private keys (RFC 7468 and OpenSSL's legacy labels): PKCS#8, encrypted PKCS#8, PKCS#1 RSA, SEC1 EC and
 * OpenSSL DSA, with or without the RFC 1421 encryption headers.
 */
final class PemKeys {
    private static final Map<String, String> FORMATS = Map.of(
            "PRIVATE KEY", "PKCS#8",
            "ENCRYPTED PRIVATE KEY", "PKCS#8",
            "RSA PRIVATE KEY", "PKCS#1",
            "EC PRIVATE KEY", "SEC1",
            "DSA PRIVATE KEY", "OpenSSL DSA");

    private PemKeys() {
    }

    static boolean reads(String label) {
        return FORMATS.containsKey(label);
    }

    static Verification check(KeyText text, String label) throws UnusableKey {
        String format = FORMATS.get(label);
        Object parsed = parse(block(text.lines(), label), format);
        if (parsed instanceof PEMEncryptedKeyPair locked) {
            return KeyDetails.encrypted(format, locked.getDekAlgName(), Optional.empty());
        }
        if (parsed instanceof PKCS8EncryptedPrivateKeyInfo locked) {
            boolean pbes2 = PKCSObjectIdentifiers.id_PBES2.equals(locked.getEncryptionAlgorithm().getAlgorithm());
            return KeyDetails.encrypted(format, pbes2 ? "PBES2" : "PBES1", Optional.empty());
        }
        PrivateKeyInfo info = parsed instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
                : parsed instanceof PrivateKeyInfo pki ? pki : null;
        if (info == null) {
            throw new UnusableKey("its " + format + " block holds no private key");
        }
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new UnusableKey("its " + format + " key parameters are malformed or of an unknown algorithm");
        }
        return KeyDetails.readable(format, PublicKeys.publicOf(key), true);
    }

    /** The block from its BEGIN to its END line, one PEM line each, as the parser expects it. */
    private static String block(List<String> lines, String label) {
        StringBuilder pem = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            inside |= line.equals("-----BEGIN " + label + "-----");
            if (inside) {
                pem.append(line).append('\n');
            }
            if (line.equals("-----END " + label + "-----")) {
                break;
            }
        }
        return pem.toString();
    }

    private static Object parse(String pem, String format) throws UnusableKey {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new UnusableKey("its " + format + " structure is malformed or truncated");
        }
    }
}
