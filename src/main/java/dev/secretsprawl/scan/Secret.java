package dev.secretsprawl.scan;

import java.util.Objects;

/**
 * A raw credential value. {@link #toString()} never shows it; only matching, verification and
 * stores may call {@link #reveal()} (an ArchUnit rule checks who does).
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The raw value. Never print, log or persist it. */
    public String reveal() {
        return value;
    }

    public int length() {
        return value.length();
    }

    /**
     * A short preview that cannot reconstruct the value: the first and last four characters of a value
     * of 32 or more characters ({@code ghp_…3f9a}, a quarter at most), the last four of one of 20 to 31,
     * nothing of a shorter one. Cuts fall between code points, never inside a surrogate pair.
     */
    public String preview() {
        int points = value.codePointCount(0, value.length());
        if (points >= 32) {
            return value.substring(0, value.offsetByCodePoints(0, 4)) + "…" + lastFour();
        }
        if (points >= 20) {
            return "…" + lastFour();
        }
        return "…(" + points + " chars)";
    }

    private String lastFour() {
        return value.substring(value.offsetByCodePoints(value.length(), -4));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
