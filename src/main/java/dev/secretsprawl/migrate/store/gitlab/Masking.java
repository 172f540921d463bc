package dev.secretsprawl.migrate.store.gitlab;

import java.util.regex.Pattern;

/**
 * Whether GitLab will mask a value: at least 8 characters, one line, and only characters of the Base64
 * alphabets (RFC 4648, standard and URL-safe) plus {@code @ : . ~}, as GitLab documents for masked variables.
 * A value outside these rules is stored unmasked (GitLab would refuse to mask it) and is never hidden.
 */
final class Masking {
    static final String RULE = "8 or more characters from A-Z a-z 0-9 + / = - _ @ : . ~ on one line";
    private static final Pattern MASKABLE = Pattern.compile("[A-Za-z0-9+/=_@:.~-]{8,}");

    private Masking() {
    }

    static boolean allows(String value) {
        return MASKABLE.matcher(value).matches();
    }
}
