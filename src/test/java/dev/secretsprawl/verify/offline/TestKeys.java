package dev.secretsprawl.verify.offline;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Fresh keys for each test run, written in the formats the rules find, and their OpenSSH fingerprints computed
 * here from the JDK's own encodings (RFC 4253 section 6.6, RFC 5656 section 3.1, RFC 8709 section 4), apart
 * from the code under test.
 */
final class TestKeys {
    static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static KeyPair dsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
        generator.initialize(1024);
        return generator.generateKeyPair();
    }

    static KeyPair ecP256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static KeyPair ed25519() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static String randomBase64(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** The public key in the SSH wire encoding. */
    static byte[] sshBlob(PublicKey key) {
        Wire w = new Wire();
        if (key instanceof RSAPublicKey rsa) {
            return w.string("ssh-rsa").mpint(rsa.getPublicExponent()).mpint(rsa.getModulus()).bytes();
        }
        if (key instanceof DSAPublicKey dsa) {
            return w.string("ssh-dss").mpint(dsa.getParams().getP()).mpint(dsa.getParams().getQ())
                    .mpint(dsa.getParams().getG()).mpint(dsa.getY()).bytes();
        }
        if (key instanceof ECPublicKey ec) {
            byte[] point = new byte[65];
            point[0] = 4;
            copyRight(ec.getW().getAffineX(), point, 1);
            copyRight(ec.getW().getAffineY(), point, 33);
            return w.string("ecdsa-sha2-nistp256").string("nistp256").string(point).bytes();
        }
        return w.string("ssh-ed25519").string(ed25519Public(key)).bytes();
    }

    static String sshFingerprint(PublicKey key) throws GeneralSecurityException {
        return "SHA256:" + Base64.getEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(sshBlob(key)));
    }

    /** An openssh-key-v1 file (PROTOCOL.key); with a cipher, the private section is random bytes as if encrypted. */
    static String openSsh(KeyPair pair, String cipher) {
        byte[] publicBlob = sshBlob(pair.getPublic());
        Wire file = new Wire().raw("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII))
                .string(cipher).string("none".equals(cipher) ? "none" : "bcrypt")
                .string("none".equals(cipher) ? new byte[0] : new Wire().string(new byte[16]).uint32(16).bytes())
                .uint32(1).string(publicBlob);
        byte[] section;
        if ("none".equals(cipher)) {
            section = privateSection(pair);
        } else {
            section = new byte[160];
            RANDOM.nextBytes(section);
        }
        String body = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(file.string(section).bytes());
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n";
    }

    private static byte[] privateSection(KeyPair pair) {
        int check = RANDOM.nextInt();
        Wire w = new Wire().uint32(check).uint32(check);
        if (pair.getPrivate() instanceof RSAPrivateCrtKey rsa) {
            w.string("ssh-rsa").mpint(rsa.getModulus()).mpint(rsa.getPublicExponent()).mpint(rsa.getPrivateExponent())
                    .mpint(rsa.getCrtCoefficient()).mpint(rsa.getPrimeP()).mpint(rsa.getPrimeQ());
        } else {
            byte[] pub = ed25519Public(pair.getPublic());
            byte[] encoded = pair.getPrivate().getEncoded();
            byte[] seedAndPublic = new byte[64];
            System.arraycopy(encoded, encoded.length - 32, seedAndPublic, 0, 32);
            System.arraycopy(pub, 0, seedAndPublic, 32, 32);
            w.string("ssh-ed25519").string(pub).string(seedAndPublic);
        }
        w.string("test@synthetic");
        for (int pad = 1; w.size() % 8 != 0; pad++) {
            w.raw(new byte[] {(byte) pad});
        }
        return w.bytes();
    }

    /** A PuTTY .ppk (version 3) around this public key; the private lines and the MAC are random. */
    static String putty(KeyPair pair, String encryption) {
        String pub = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(sshBlob(pair.getPublic()));
        byte[] mac = new byte[32];
        RANDOM.nextBytes(mac);
        return "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: " + encryption + "\nComment: synthetic\nPublic-Lines: "
                + pub.lines().count() + "\n" + pub + "\nPrivate-Lines: 1\n" + randomBase64(48) + "\nPrivate-MAC: "
                + java.util.HexFormat.of().formatHex(mac) + "\n";
    }

    private static byte[] ed25519Public(PublicKey key) {
        byte[] x509 = key.getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    private static void copyRight(BigInteger value, byte[] out, int offset) {
        byte[] b = value.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, offset + 32 - n, n);
    }

    /** SSH wire encoding writer (RFC 4251 section 5). */
    static final class Wire {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Wire uint32(int value) {
            return raw(ByteBuffer.allocate(4).putInt(value).array());
        }

        Wire string(byte[] value) {
            return uint32(value.length).raw(value);
        }

        Wire string(String value) {
            return string(value.getBytes(StandardCharsets.US_ASCII));
        }

        Wire mpint(BigInteger value) {
            return string(value.toByteArray());
        }

        Wire raw(byte[] value) {
            out.writeBytes(value);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
