package dev.secretsprawl.migrate.store.gitlab;

import dev.secretsprawl.migrate.store.StoreMetadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable description we write: our write count first ({@code sprawl-version=N}), then the metadata
 * fields, cut to GitLab's 255-character limit so the count always survives. Never a value.
 */
final class Descriptions {
    static final int MAX = 255;
    private static final Pattern VERSION = Pattern.compile("(?:^|[;\\s])sprawl-version=(\\d{1,9})(?:$|[;\\s])");

    private Descriptions() {
    }

    static String of(int version, StoreMetadata metadata) {
        StringBuilder s = new StringBuilder("sprawl-version=" + version);
        metadata.asMap().forEach((k, v) -> s.append("; ").append(k).append('=').append(v));
        return s.length() <= MAX ? s.toString() : s.substring(0, MAX - 3) + "...";
    }

    /** Our write count, or 1 for a variable someone else made (it exists, so it is not version 0). */
    static int version(String description) {
        Matcher m = VERSION.matcher(description);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
