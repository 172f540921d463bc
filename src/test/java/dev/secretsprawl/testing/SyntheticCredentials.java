package dev.secretsprawl.testing;

import dev.secretsprawl.scan.Checksums;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Synthetic credentials of a named kind, drawn from a seeded {@link Random}: every run plants the same
 * values and no real credential is ever stored in the repository. Each kind follows the issuer's
 * documented shape (prefix, length, alphabet, checksum); none of them is valid anywhere.
 */
public final class SyntheticCredentials {
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String BASE62 = DIGITS + UPPER + LOWER;
    static final String ALNUM_LOWER = LOWER + DIGITS;
    static final String ALNUM_UPPER = UPPER + DIGITS;
    static final String HEX = "0123456789abcdef";
    static final String BASE32 = UPPER + "234567";
    static final String BASE64 = UPPER + LOWER + DIGITS + "+/";
    static final String BASE64URL = UPPER + LOWER + DIGITS + "-_";
    /** Symbols a strong password draws from: no quotes, no shell/URI/comment metacharacters. */
    static final String PASSWORD_SYMBOLS = "!*^=+-~_.";
    /** Symbols that must be percent-encoded inside a URI. */
    static final String URI_RESERVED = "@:/?#%";

    private final Random random;
    private final Map<String, Function<Random, String>> kinds = new LinkedHashMap<>();

    public SyntheticCredentials(long seed) {
        this.random = new Random(seed);
        register();
    }

    /** A generator with an unpredictable seed, for canary tests. */
    public static SyntheticCredentials random() {
        return new SyntheticCredentials(new SecureRandom().nextLong());
    }

    /** Every kind this generator knows, in registration order. */
    public Set<String> kinds() {
        return kinds.keySet();
    }

    /** A fresh value of {@code kind}; successive calls differ. */
    public String next(String kind) {
        Function<Random, String> generator = kinds.get(kind);
        if (generator == null) {
            throw new IllegalArgumentException("unknown credential kind '" + kind + "'; known: " + kinds.keySet());
        }
        return generator.apply(random);
    }

    /** Random base62 text of the given length. */
    public String base62(int length) {
        return s(random, BASE62, length);
    }

    private void register() {
        // --- source hosting and package registries -------------------------------------------------
        kinds.put("github-pat", r -> Checksums.withCrc32("ghp_", s(r, BASE62, 30)));
        kinds.put("github-oauth", r -> Checksums.withCrc32("gho_", s(r, BASE62, 30)));
        kinds.put("github-app-token", r -> Checksums.withCrc32("ghs_", s(r, BASE62, 30)));
        kinds.put("github-fine-grained", r -> "github_pat_11" + s(r, ALNUM_UPPER, 20) + "_" + s(r, BASE62, 59));
        kinds.put("gitlab-pat", r -> "glpat-" + s(r, BASE62 + "-_", 20));
        kinds.put("gitlab-runner", r -> "glrt-" + s(r, BASE62 + "-_", 20));
        kinds.put("gitlab-trigger", r -> "glptt-" + s(r, HEX, 40));
        // ATBB + 32: 24 alphanumerics and 8 upper-case hex (no official spec; the shape of tokens seen in the wild)
        kinds.put("bitbucket-app-password", r -> "ATBB" + s(r, BASE62, 24) + s(r, HEX.toUpperCase(), 8));
        kinds.put("atlassian-api-token", r -> "ATATT3xFfGF0" + s(r, BASE64URL, 170) + "=" + s(r, HEX.toUpperCase(), 8));
        kinds.put("npm", r -> Checksums.withCrc32("npm_", s(r, BASE62, 30)));
        kinds.put("pypi", r -> "pypi-AgEIcHlwaS5vcmc" + s(r, BASE64URL, 150));
        kinds.put("rubygems", r -> "rubygems_" + s(r, HEX, 48));
        kinds.put("nuget", r -> "oy2" + s(r, ALNUM_LOWER, 43));
        kinds.put("jfrog", r -> "AKCp8" + s(r, BASE62, 68));
        kinds.put("dockerhub", r -> "dckr_pat_" + s(r, BASE62 + "-_", 27));
        kinds.put("jenkins-api-token", r -> "11" + s(r, HEX, 32));
        // --- cloud ---------------------------------------------------------------------------------
        kinds.put("aws-key-id", r -> "AKIA" + s(r, BASE32, 16));
        kinds.put("aws-secret", r -> s(r, BASE62 + "/+", 40));
        kinds.put("google-api-key", r -> "AIza" + s(r, BASE62 + "-_", 35));
        kinds.put("gcp-private-key", r -> pkcs8Pem(rsa(r)));
        kinds.put("azure-storage-key", r -> Base64.getEncoder().encodeToString(bytes(r, 64)));
        kinds.put("azure-client-secret", r -> s(r, BASE62, 3) + r.nextInt(10) + "Q~" + s(r, BASE62 + "-_.~", 34));
        kinds.put("digitalocean", r -> "dop_v1_" + s(r, HEX, 64));
        kinds.put("vault", r -> "hvs." + s(r, BASE62 + "-_", 24 + r.nextInt(70)));
        kinds.put("databricks", r -> "dapi" + s(r, HEX, 32));
        kinds.put("terraform-cloud", r -> s(r, BASE62, 14) + ".atlasv1." + s(r, BASE62, 67));
        kinds.put("heroku", r -> "HRKU-AA" + s(r, BASE62 + "-_", 58));
        // --- SaaS platforms ------------------------------------------------------------------------
        kinds.put("slack-bot", r -> "xoxb-" + digits(r, 12) + "-" + digits(r, 13) + "-" + s(r, BASE62, 24));
        kinds.put("slack-user", r -> "xoxp-" + digits(r, 12) + "-" + digits(r, 12) + "-" + digits(r, 13) + "-" + s(r, HEX, 32));
        kinds.put("slack-webhook", r -> "https://hooks.slack.com/services/T" + s(r, ALNUM_UPPER, 10) + "/B"
                + s(r, ALNUM_UPPER, 10) + "/" + s(r, BASE62, 24));
        kinds.put("discord-webhook", r -> "https://discord.com/api/webhooks/" + digits(r, 19) + "/" + s(r, BASE62 + "-_", 68));
        kinds.put("telegram-bot", r -> digits(r, 10) + ":AA" + s(r, BASE62 + "-_", 33));
        kinds.put("stripe-live", r -> "sk_live_" + s(r, BASE62, 24 + r.nextInt(76)));
        kinds.put("stripe-restricted", r -> "rk_live_" + s(r, BASE62, 24 + r.nextInt(76)));
        kinds.put("twilio-api-key", r -> "SK" + s(r, HEX, 32));
        kinds.put("sendgrid", r -> "SG." + s(r, BASE62 + "-_", 22) + "." + s(r, BASE62 + "-_", 43));
        kinds.put("mailgun", r -> "key-" + s(r, HEX, 32));
        kinds.put("datadog-api-key", r -> s(r, HEX, 32));
        kinds.put("datadog-app-key", r -> s(r, HEX, 40));
        kinds.put("newrelic-user-key", r -> "NRAK-" + s(r, ALNUM_UPPER, 27));
        kinds.put("grafana-service-account", r -> "glsa_" + s(r, BASE62, 32) + "_" + s(r, HEX, 8));
        kinds.put("sentry-auth-token", r -> "sntryu_" + s(r, HEX, 64));
        kinds.put("pagerduty", r -> "u+" + s(r, BASE62 + "-_", 18));
        kinds.put("openai", r -> "sk-proj-" + s(r, BASE62 + "-_", 74) + "T3BlbkFJ" + s(r, BASE62 + "-_", 74));
        kinds.put("anthropic", r -> "sk-ant-api03-" + s(r, BASE62 + "-_", 93) + "AA");
        kinds.put("hf", r -> "hf_" + s(r, UPPER + LOWER, 34));
        kinds.put("shopify", r -> "shpat_" + s(r, HEX, 32));
        kinds.put("postman", r -> "PMAK-" + s(r, HEX, 24) + "-" + s(r, HEX, 34));
        kinds.put("linear", r -> "lin_api_" + s(r, BASE62, 40));
        // --- structural ----------------------------------------------------------------------------
        kinds.put("jwt", SyntheticCredentials::jwt);
        kinds.put("rsa-private-key", r -> pkcs8Pem(rsa(r)));
        kinds.put("rsa-private-key-pkcs1", r -> pkcs1Pem(rsa(r)));
        kinds.put("ec-private-key", SyntheticCredentials::ecPem);
        kinds.put("openssh-private-key", SyntheticCredentials::openSshPem);
        kinds.put("password", SyntheticCredentials::password);
        kinds.put("password-special", SyntheticCredentials::passwordSpecial);
        kinds.put("basic-credentials", r -> "svc-" + s(r, LOWER, 6) + ":" + password(r));
        kinds.put("hex32", r -> s(r, HEX, 32));
        kinds.put("hex40", r -> s(r, HEX, 40));
        kinds.put("base62-secret", r -> s(r, BASE62, 32 + r.nextInt(17)));
    }

    // --- building blocks -----------------------------------------------------------------------------

    static String s(Random r, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String digits(Random r, int length) {
        return (1 + r.nextInt(9)) + s(r, DIGITS, length - 1);
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** 12–20 characters, starts alphanumeric, has upper, lower, digit and symbol. */
    static String password(Random r) {
        return mixed(r, PASSWORD_SYMBOLS);
    }

    /** Like {@link #password} but with at least one character that a URI must percent-encode. */
    static String passwordSpecial(Random r) {
        String base = mixed(r, PASSWORD_SYMBOLS + URI_RESERVED);
        int at = 1 + r.nextInt(base.length() - 1);
        return base.substring(0, at) + URI_RESERVED.charAt(r.nextInt(URI_RESERVED.length())) + base.substring(at);
    }

    private static String mixed(Random r, String symbols) {
        int length = 12 + r.nextInt(9);
        String all = UPPER + LOWER + DIGITS + symbols;
        while (true) {
            String candidate = s(r, UPPER + LOWER + DIGITS, 1) + s(r, all, length - 1);
            if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
                    && candidate.chars().anyMatch(Character::isDigit)
                    && candidate.chars().anyMatch(c -> symbols.indexOf(c) >= 0)) {
                return candidate;
            }
        }
    }

    private static String jwt(Random r) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        long iat = 1_700_000_000L + r.nextInt(30_000_000);
        String payload = "{\"sub\":\"" + s(r, ALNUM_LOWER, 12) + "\",\"name\":\"svc-" + s(r, LOWER, 6)
                + "\",\"scope\":\"deploy read\",\"iat\":" + iat + ",\"exp\":" + (iat + 31_536_000L) + "}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(bytes(r, 32));
    }

    // --- keys ----------------------------------------------------------------------------------------

    /** A real RSA key pair from a generator seeded by {@code r}, so the same seed gives the same key. */
    private static KeyPair rsa(Random r) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024, seeded(r));
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ecPem(Random r) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), seeded(r));
            return pem("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA1PRNG seeded explicitly is deterministic; the JDK's default SecureRandom is not. */
    private static SecureRandom seeded(Random r) {
        try {
            SecureRandom sr = SecureRandom.getInstance("SHA1PRNG");
            sr.setSeed(r.nextLong());
            return sr;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pkcs8Pem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** PKCS#1 {@code RSA PRIVATE KEY}: the PKCS#8 wrapper holds it as an OCTET STRING; rebuild it by hand. */
    private static String pkcs1Pem(KeyPair pair) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        byte[] body = concat(derInt(BigInteger.ZERO), derInt(k.getModulus()), derInt(k.getPublicExponent()),
                derInt(k.getPrivateExponent()), derInt(k.getPrimeP()), derInt(k.getPrimeQ()),
                derInt(k.getPrimeExponentP()), derInt(k.getPrimeExponentQ()), derInt(k.getCrtCoefficient()));
        return pem("RSA PRIVATE KEY", der(0x30, body));
    }

    /**
     * An unencrypted OpenSSH private key ("openssh-key-v1") holding an RSA key, as {@code ssh-keygen}
     * writes it; the structure is right, the key itself is a throwaway.
     */
    private static String openSshPem(Random r) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) rsa(r).getPrivate();
        byte[] publicBlob = concat(sshString("ssh-rsa"), sshMpint(k.getPublicExponent()), sshMpint(k.getModulus()));
        int check = r.nextInt();
        byte[] priv = concat(u32(check), u32(check), sshString("ssh-rsa"), sshMpint(k.getModulus()),
                sshMpint(k.getPublicExponent()), sshMpint(k.getPrivateExponent()), sshMpint(k.getCrtCoefficient()),
                sshMpint(k.getPrimeP()), sshMpint(k.getPrimeQ()), sshString("deploy@ci-runner"));
        int pad = (8 - priv.length % 8) % 8;
        byte[] padding = new byte[pad];
        for (int i = 0; i < pad; i++) {
            padding[i] = (byte) (i + 1);
        }
        priv = concat(priv, padding);
        byte[] blob = concat("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII), sshString("none"),
                sshString("none"), sshString(new byte[0]), u32(1), sshString(publicBlob), sshString(priv));
        String b64 = Base64.getEncoder().encodeToString(blob);
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrap(b64, 70) + "-----END OPENSSH PRIVATE KEY-----";
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + wrap(Base64.getEncoder().encodeToString(der), 64)
                + "-----END " + type + "-----";
    }

    private static String wrap(String s, int width) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += width) {
            out.append(s, i, Math.min(s.length(), i + width)).append('\n');
        }
        return out.toString();
    }

    private static byte[] derInt(BigInteger v) {
        return der(0x02, v.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] len;
        if (n < 0x80) {
            len = new byte[] {(byte) n};
        } else if (n < 0x100) {
            len = new byte[] {(byte) 0x81, (byte) n};
        } else {
            len = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return concat(new byte[] {(byte) tag}, len, content);
    }

    private static byte[] sshString(String s) {
        return sshString(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sshString(byte[] b) {
        return concat(u32(b.length), b);
    }

    private static byte[] sshMpint(BigInteger v) {
        return sshString(v.toByteArray());
    }

    private static byte[] u32(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
