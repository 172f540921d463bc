package dev.secretsprawl.verify.offline;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerifierRegistry;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The private-key verifier works offline, so it does not run the five-case contract: a private key is never
 * live or dead to us (it works wherever its public key is trusted, which we cannot see), and there is no
 * server to time out. Instead: every format the rules find is parsed and named by algorithm, size and a
 * fingerprint computed here independently; encrypted, truncated and inconsistent keys are unknown with the reason.
 */
class PrivateKeyVerifierTest {
    private final PrivateKeyVerifier verifier = new PrivateKeyVerifier();

    @Test
    void shouldNameAlgorithmSizeAndFingerprintOfAnRsaPkcs1Key() throws Exception {
        KeyPair pair = TestKeys.rsa(2048);
        String pem = TestKeys.pem("RSA PRIVATE KEY", PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()).parsePrivateKey()
                .toASN1Primitive().getEncoded());

        Verification v = check(pem, "private-key-pkcs1");

        assertThat(v.detail()).startsWith("RSA 2048-bit private key (PKCS#1), public key " + TestKeys.sshFingerprint(pair.getPublic()))
                .contains("pin-sha256 ", "wherever that public key is trusted");
    }

    @Test
    void shouldReadAnOpenSslDsaKey() throws Exception {
        KeyPair pair = TestKeys.dsa();
        DSAPrivateKey x = (DSAPrivateKey) pair.getPrivate();
        DSAPublicKey y = (DSAPublicKey) pair.getPublic();
        byte[] der = new DERSequence(new ASN1Encodable[] {new ASN1Integer(0), new ASN1Integer(x.getParams().getP()),
                new ASN1Integer(x.getParams().getQ()), new ASN1Integer(x.getParams().getG()), new ASN1Integer(y.getY()),
                new ASN1Integer(x.getX())}).getEncoded();

        Verification v = check(TestKeys.pem("DSA PRIVATE KEY", der), "private-key-pkcs1");

        assertThat(v.detail()).startsWith("DSA 1024-bit private key (OpenSSL DSA), public key " + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldReadAnRsaPkcs8Key() throws Exception {
        KeyPair pair = TestKeys.rsa(3072);

        Verification v = check(TestKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "private-key-pkcs8");

        assertThat(v.detail()).startsWith("RSA 3072-bit private key (PKCS#8), public key " + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldReadAnEd25519Pkcs8Key() throws Exception {
        KeyPair pair = TestKeys.ed25519();

        Verification v = check(TestKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "private-key-pkcs8");

        assertThat(v.detail()).startsWith("Ed25519 256-bit private key (PKCS#8), public key " + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldReadAnEcSec1Key() throws Exception {
        KeyPair pair = TestKeys.ecP256();
        byte[] x509 = pair.getPublic().getEncoded();
        ECPrivateKey sec1 = new ECPrivateKey(256, ((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS(),
                new DERBitString(Arrays.copyOfRange(x509, x509.length - 65, x509.length)), SECObjectIdentifiers.secp256r1);

        Verification v = check(TestKeys.pem("EC PRIVATE KEY", sec1.getEncoded()), "private-key-ec");

        assertThat(v.detail()).startsWith("ECDSA 256-bit (P-256) private key (SEC1), public key " + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldReadAnOpenSshEd25519Key() throws Exception {
        KeyPair pair = TestKeys.ed25519();

        Verification v = check(TestKeys.openSsh(pair, "none"), "private-key-openssh");

        assertThat(v.detail()).startsWith("Ed25519 256-bit private key (OpenSSH), public key " + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldReadAnOpenSshRsaKey() throws Exception {
        KeyPair pair = TestKeys.rsa(2048);

        Verification v = check(TestKeys.openSsh(pair, "none"), "private-key-openssh");

        assertThat(v.detail()).startsWith("RSA 2048-bit private key (OpenSSH), public key " + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldReadAKeyInsideAJsonString() throws Exception {
        KeyPair pair = TestKeys.rsa(2048);
        String json = "{\"type\": \"service_account\", \"private_key\": \""
                + TestKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()).replace("\n", "\\n") + "\", \"client_email\": \"ci@synthetic.invalid\"}";

        Verification v = check(json, "private-key-pkcs8");

        assertThat(v.detail()).contains("public key " + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldReadAnIndentedKeyInAYamlFileWithWindowsLineEnds() throws Exception {
        KeyPair pair = TestKeys.ed25519();
        String yaml = "signing:\r\n  key: |\r\n" + TestKeys.openSsh(pair, "none").lines().map(l -> "    " + l + "\r\n")
                .reduce("", String::concat);

        Verification v = check(yaml, "private-key-openssh");

        assertThat(v.detail()).contains("public key " + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldSayEncryptedForAPassphraseProtectedPkcs8Key() throws Exception {
        Verification v = check(TestKeys.pem("ENCRYPTED PRIVATE KEY", encrypted(TestKeys.rsa(2048).getPrivate().getEncoded())),
                "private-key-pkcs8-encrypted");

        assertThat(v.detail()).isEqualTo("encrypted with a passphrase (PKCS#8, PBES2); its public key cannot be read without the passphrase");
    }

    @Test
    void shouldSayEncryptedForALegacyEncryptedPkcs1Key() throws Exception {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,"
                + java.util.HexFormat.of().withUpperCase().formatHex(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
                + "\n\n" + TestKeys.pem("X", randomBytes(640)).lines().filter(l -> !l.startsWith("-----")).reduce("", (a, b) -> a + b + "\n")
                + "-----END RSA PRIVATE KEY-----\n";

        Verification v = check(pem, "private-key-pkcs1");

        assertThat(v.detail()).startsWith("encrypted with a passphrase (PKCS#1, AES-128-CBC)");
    }

    @Test
    void shouldStillNameThePublicKeyOfAnEncryptedOpenSshKey() throws Exception {
        KeyPair pair = TestKeys.ed25519();

        Verification v = check(TestKeys.openSsh(pair, "aes256-ctr"), "private-key-openssh");

        assertThat(v.detail()).isEqualTo("encrypted with a passphrase (OpenSSH, aes256-ctr, KDF bcrypt); public key Ed25519 256-bit "
                + TestKeys.sshFingerprint(pair.getPublic()) + "; " + KeyDetails.WHERE);
    }

    @Test
    void shouldSayUnknownForATruncatedKey() throws Exception {
        List<String> lines = TestKeys.pem("PRIVATE KEY", TestKeys.rsa(2048).getPrivate().getEncoded()).lines().toList();
        String truncated = String.join("\n", lines.subList(0, 8)) + "\n" + lines.get(lines.size() - 1) + "\n";

        Verification v = check(truncated, "private-key-pkcs8");

        assertThat(v.detail()).isEqualTo("could not parse the key: its PKCS#8 structure is malformed or truncated");
    }

    @Test
    void shouldSayUnknownForAnRsaKeyWhosePrimesDoNotMakeItsModulus() throws Exception {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) TestKeys.rsa(2048).getPrivate();
        byte[] broken = new RSAPrivateKey(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrimeP().add(BigInteger.TWO), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(),
                k.getCrtCoefficient()).getEncoded();

        Verification v = check(TestKeys.pem("RSA PRIVATE KEY", broken), "private-key-pkcs1");

        assertThat(v.detail()).isEqualTo("could not parse the key: its RSA primes do not multiply to its modulus");
    }

    @Test
    void shouldSayUnknownWhenAnOpenSshPrivateHalfBelongsToAnotherKey() throws Exception {
        String mine = TestKeys.openSsh(TestKeys.ed25519(), "none");
        String other = TestKeys.openSsh(TestKeys.ed25519(), "none");
        byte[] a = body(mine);
        byte[] b = body(other);
        // keep the header (and its public key) of one file, the private section of the other
        int header = a.length - 4 - privateSectionLength(a);
        byte[] spliced = Arrays.copyOf(a, a.length);
        System.arraycopy(b, header, spliced, header, b.length - header);

        Verification v = check(TestKeys.pem("OPENSSH PRIVATE KEY", spliced), "private-key-openssh");

        assertThat(v.detail()).isEqualTo("could not parse the key: its private half does not match the public key in its header");
    }

    @Test
    void shouldNameThePublicKeyOfAPuttyKey() throws Exception {
        KeyPair pair = TestKeys.ed25519();

        Verification v = check(TestKeys.putty(pair, "none"), "private-key-putty");

        assertThat(v.detail()).startsWith("Ed25519 256-bit private key (PuTTY; its private lines are not checked), public key "
                + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldSayEncryptedForAPassphraseProtectedPuttyKey() throws Exception {
        KeyPair pair = TestKeys.ed25519();

        Verification v = check(TestKeys.putty(pair, "aes256-cbc"), "private-key-putty");

        assertThat(v.detail()).startsWith("encrypted with a passphrase (PuTTY, aes256-cbc); public key Ed25519 256-bit "
                + TestKeys.sshFingerprint(pair.getPublic()));
    }

    @Test
    void shouldBeTheStandardVerifierForPrivateKeys() {
        assertThat(VerifierRegistry.standard().forIssuer("private-key")).containsInstanceOf(PrivateKeyVerifier.class);
    }

    /** Runs the verifier on the finding the bundled rule makes of this key in a file; never live or dead, never key text. */
    Verification check(String fileText, String ruleId) {
        Credential credential = Detected.credential("deploy/keys/service.key", fileText, ruleId);
        Verification v = verifier.verify(credential, null);
        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).doesNotContain("PRIVATE KEY", "PuTTY-User-Key-File", "Private-MAC");
        credential.secret().reveal().replace("\\n", "\n").lines().map(String::strip).filter(l -> l.length() >= 12)
                .forEach(line -> assertThat(v.detail()).as("detail must not quote the key").doesNotContain(line));
        return v;
    }

    /** PKCS#8 encrypted as OpenSSL does by default: PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC (RFC 8018). */
    private static byte[] encrypted(byte[] pkcs8) throws Exception {
        byte[] salt = randomBytes(16);
        byte[] iv = randomBytes(16);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                TestKeys.randomBase64(12).toCharArray(), salt, 10_000, 256)).getEncoded();
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        PBES2Parameters pbes2 = new PBES2Parameters(
                new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, 10_000, 32,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))),
                new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
        return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2),
                cipher.doFinal(pkcs8)).getEncoded();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        TestKeys.RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] body(String pem) {
        return java.util.Base64.getMimeDecoder().decode(pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat));
    }

    /** The private section is the last string of the file: find its length by walking the header's strings. */
    private static int privateSectionLength(byte[] file) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(file);
        in.position("openssh-key-v1\0".length());
        for (int i = 0; i < 3; i++) {
            in.position(in.position() + 4 + in.getInt(in.position()));
        }
        in.position(in.position() + 4);
        in.position(in.position() + 4 + in.getInt(in.position()));
        return in.getInt();
    }
}
