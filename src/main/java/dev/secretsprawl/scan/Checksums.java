package dev.secretsprawl.scan;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Issuer-published checksums a rule can require ({@code checksum = "..."}). GitHub's and npm's
 * tokens end in six base62 characters encoding the CRC32 of the random part between prefix and checksum.
 */
public final class Checksums {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Map<String, Predicate<String>> BY_NAME = Map.of(
            "github-crc32", Checksums::prefixedCrc32,
            "npm-crc32", Checksums::prefixedCrc32);

    private Checksums() {
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** Whether {@code token} satisfies the named checksum; unknown names are rejected when rules load. */
    public static boolean valid(String name, String token) {
        Predicate<String> check = BY_NAME.get(name);
        if (check == null) {
            throw new IllegalArgumentException("unknown checksum '" + name + "'; known: " + names());
        }
        return check.test(token);
    }

    /** {@code prefix_} + random + 6 base62 chars of CRC32(random). */
    static boolean prefixedCrc32(String token) {
        int underscore = token.lastIndexOf('_');
        if (underscore < 0 || token.length() - underscore - 1 <= 6) {
            return false;
        }
        String random = token.substring(underscore + 1, token.length() - 6);
        return base62(crc32(random), 6).equals(token.substring(token.length() - 6));
    }

    /** Appends the checksum to {@code prefix + random}; used to build valid examples and test fixtures. */
    public static String withCrc32(String prefix, String random) {
        return prefix + random + base62(crc32(random), 6);
    }

    private static long crc32(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static String base62(long value, int width) {
        StringBuilder out = new StringBuilder();
        while (value > 0) {
            out.append(BASE62.charAt((int) (value % 62)));
            value /= 62;
        }
        while (out.length() < width) {
            out.append('0');
        }
        return out.reverse().toString();
    }
}
