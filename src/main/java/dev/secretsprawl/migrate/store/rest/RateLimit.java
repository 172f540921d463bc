package dev.secretsprawl.migrate.store.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a rate-limit answer the way GitHub, GitLab and Slack document it: HTTP 429, or GitHub's 403 with
 * {@code x-ratelimit-remaining: 0} (primary limit) or a {@code retry-after} header / "secondary rate limit"
 * body (secondary limit). The wait comes from {@code retry-after} (seconds or an HTTP date), else from the
 * reset time in epoch seconds ({@code x-ratelimit-reset}, GitLab's {@code ratelimit-reset}), else a minute,
 * which GitHub asks for when it says nothing.
 */
public final class RateLimit {
    /** The longest wait we sit out before one retry; a longer one becomes "retry later". */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);
    private static final Duration UNSAID = Duration.ofMinutes(1);

    private RateLimit() {
    }

    /** True when this answer says "too many requests" rather than "no". */
    public static boolean limited(int status, Function<String, Optional<String>> header, String body) {
        if (status == 429) {
            return true;
        }
        return status == 403 && (header.apply("x-ratelimit-remaining").filter("0"::equals).isPresent()
                || header.apply("retry-after").isPresent()
                || body.toLowerCase(java.util.Locale.ROOT).contains("secondary rate limit"));
    }

    /** How long the issuer asks us to wait, never negative. */
    public static Duration wait(Function<String, Optional<String>> header, Instant now) {
        Optional<String> retryAfter = header.apply("retry-after").map(String::strip);
        if (retryAfter.isPresent()) {
            return parseRetryAfter(retryAfter.get(), now).orElse(UNSAID);
        }
        Optional<String> reset = header.apply("x-ratelimit-reset").or(() -> header.apply("ratelimit-reset"));
        if (reset.isPresent() && reset.get().strip().matches("\\d{1,12}")) {
            Duration d = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.get().strip())));
            return d.isNegative() ? Duration.ZERO : d;
        }
        return UNSAID;
    }

    private static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** "retry in about 42 s" / "retry after 14:05 UTC", for a message that tells the user what to do. */
    public static String advice(Duration wait, Instant now) {
        if (wait.compareTo(Duration.ofMinutes(2)) < 0) {
            return "retry in about " + Math.max(1, wait.toSeconds()) + " s";
        }
        return "retry after " + DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
                .format(now.plus(wait));
    }
}
