package dev.secretsprawl.migrate.rotate;

import dev.secretsprawl.scan.Secret;

import java.security.SecureRandom;

/**
 * New passwords for rotations: 32 letters and digits from {@link SecureRandom} (about 190 bits), safe as
 * they are in URLs, shells, YAML and SQL literals, with an upper, a lower case letter and a digit so
 * servers with a password policy accept them.
 */
public final class GeneratedPasswords {
    public static final int LENGTH = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPasswords() {
    }

    public static Secret next() {
        while (true) {
            char[] chars = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
            }
            String value = new String(chars);
            if (value.chars().anyMatch(Character::isUpperCase) && value.chars().anyMatch(Character::isLowerCase)
                    && value.chars().anyMatch(Character::isDigit)) {
                return new Secret(value);
            }
        }
    }

    /** True for a value this class could have made: the rotators refuse to send anything else unquoted. */
    public static boolean isGenerated(Secret value) {
        return value.length() == LENGTH && value.reveal().chars().allMatch(c -> c < 128 && ALPHABET.indexOf(c) >= 0);
    }
}
