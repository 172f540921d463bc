package dev.secretsprawl.verify.offline;

import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PublicKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The public half of a private key and the names owners search for it by: the OpenSSH fingerprint
 * ({@code SHA256:} + unpadded base64 of the SHA-256 of the SSH wire encoding, as {@code ssh-keygen -l} prints it)
 * and, for keys that may sit behind TLS certificates, the SHA-256 pin of the SubjectPublicKeyInfo (RFC 7469).
 */
final class PublicKeys {
    private PublicKeys() {
    }

    /** Derives the public key, checking the private parts hang together (a corrupted key fails here). */
    static AsymmetricKeyParameter publicOf(AsymmetricKeyParameter key) throws UnusableKey {
        if (key instanceof RSAPrivateCrtKeyParameters rsa) {
            if (!rsa.getP().multiply(rsa.getQ()).equals(rsa.getModulus())) {
                throw new UnusableKey("its RSA primes do not multiply to its modulus");
            }
            return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        }
        if (key instanceof ECPrivateKeyParameters ec) {
            ECDomainParameters domain = ec.getParameters();
            if (ec.getD().signum() <= 0 || ec.getD().compareTo(domain.getN()) >= 0) {
                throw new UnusableKey("its EC private value is out of range");
            }
            return new ECPublicKeyParameters(new FixedPointCombMultiplier().multiply(domain.getG(), ec.getD()).normalize(), domain);
        }
        if (key instanceof DSAPrivateKeyParameters dsa) {
            BigInteger y = dsa.getParameters().getG().modPow(dsa.getX(), dsa.getParameters().getP());
            return new DSAPublicKeyParameters(y, dsa.getParameters());
        }
        if (key instanceof Ed25519PrivateKeyParameters ed) {
            return ed.generatePublicKey();
        }
        if (key instanceof Ed448PrivateKeyParameters ed) {
            return ed.generatePublicKey();
        }
        if (key instanceof X25519PrivateKeyParameters x) {
            return x.generatePublicKey();
        }
        if (key instanceof X448PrivateKeyParameters x) {
            return x.generatePublicKey();
        }
        if (key instanceof RSAKeyParameters) {
            throw new UnusableKey("its RSA parameters lack the public exponent");
        }
        throw new UnusableKey("its algorithm is not one we read");
    }

    /** Algorithm and size, e.g. {@code RSA 2048-bit}, {@code ECDSA 256-bit (secp256r1)}. */
    static String describe(AsymmetricKeyParameter pub) {
        if (pub instanceof RSAKeyParameters rsa) {
            return "RSA " + rsa.getModulus().bitLength() + "-bit";
        }
        if (pub instanceof ECPublicKeyParameters ec) {
            String curve = ec.getParameters() instanceof ECNamedDomainParameters named ? curveName(named) : null;
            return "ECDSA " + ec.getParameters().getCurve().getFieldSize() + "-bit" + (curve == null ? "" : " (" + curve + ")");
        }
        if (pub instanceof DSAPublicKeyParameters dsa) {
            return "DSA " + dsa.getParameters().getP().bitLength() + "-bit";
        }
        if (pub instanceof Ed25519PublicKeyParameters) {
            return "Ed25519 256-bit";
        }
        if (pub instanceof Ed448PublicKeyParameters) {
            return "Ed448 456-bit";
        }
        if (pub instanceof X25519PublicKeyParameters) {
            return "X25519 256-bit";
        }
        if (pub instanceof X448PublicKeyParameters) {
            return "X448 448-bit";
        }
        return pub.getClass().getSimpleName();
    }

    /** NIST's name where it has one (P-256), as SSH and TLS people say it; else the SEC/X9.62 name. */
    private static String curveName(ECNamedDomainParameters named) {
        String nist = NISTNamedCurves.getName(named.getName());
        return nist != null ? nist : ECNamedCurveTable.getName(named.getName());
    }

    /** {@code SHA256:...} as ssh-keygen prints it, or empty for keys SSH has no type for (X25519, other curves). */
    static Optional<String> sshFingerprint(AsymmetricKeyParameter pub) {
        try {
            return Optional.of(sshFingerprint(OpenSSHPublicKeyUtil.encodePublicKey(pub)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String sshFingerprint(byte[] sshWireBlob) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(sshWireBlob));
    }

    /** The RFC 7469 pin (base64 SHA-256 of the DER SubjectPublicKeyInfo): how TLS tooling names a public key. */
    static Optional<String> spkiPin(AsymmetricKeyParameter pub) {
        try {
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub).getEncoded("DER");
            return Optional.of(Base64.getEncoder().encodeToString(sha256(spki)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
