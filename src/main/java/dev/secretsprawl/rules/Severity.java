package dev.secretsprawl.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How bad a leak of this kind is. Ordered from most to least severe. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Parses {@code high}, {@code HIGH}, ...; the message lists the valid names. */
    public static Severity parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown severity '" + name + "'; use one of "
                    + Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", ")), e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
