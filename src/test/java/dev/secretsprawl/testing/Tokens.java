package dev.secretsprawl.testing;

import dev.secretsprawl.scan.Checksums;

import java.util.Random;

/** Synthetic credentials made in the test run; no real credential is ever stored in this repository. */
public final class Tokens {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final Random random;

    public Tokens(long seed) {
        this.random = new Random(seed);
    }

    public static Tokens random() {
        return new Tokens(new java.security.SecureRandom().nextLong());
    }

    public String base62(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return s.toString();
    }

    /** A GitHub classic PAT with a valid CRC32 checksum. */
    public String githubPat() {
        return Checksums.withCrc32("ghp_", base62(30));
    }

    public String githubOauth() {
        return Checksums.withCrc32("gho_", base62(30));
    }
}
