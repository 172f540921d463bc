package dev.secretsprawl.verify;

import java.util.Objects;

/**
 * What the issuer said about a credential. Three states, never a boolean: a definite rejection is
 * {@link Status#DEAD}; a timeout, a 5xx, a rate limit or an answer we did not expect is {@link Status#UNKNOWN},
 * because a wrong "dead" is worse than "unknown". The detail names the account or the reason, never the value.
 */
public record Verification(Status status, String detail) {
    public enum Status {
        LIVE, DEAD, UNKNOWN;

        /** The word reports use: {@code live}, {@code dead}, {@code unknown}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Verification {
        Objects.requireNonNull(status);
        detail = detail == null ? "" : detail;
    }

    public static Verification live(String detail) {
        return new Verification(Status.LIVE, detail);
    }

    public static Verification dead(String detail) {
        return new Verification(Status.DEAD, detail);
    }

    public static Verification unknown(String reason) {
        return new Verification(Status.UNKNOWN, reason);
    }

    public boolean isLive() {
        return status == Status.LIVE;
    }
}
