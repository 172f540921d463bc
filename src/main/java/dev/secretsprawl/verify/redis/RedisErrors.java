package dev.secretsprawl.verify.redis;

import dev.secretsprawl.verify.NetworkFailures;
import dev.secretsprawl.verify.Verification;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.util.Locale;

/** Jedis failures in our own words: its messages may quote what the server or the URL said. */
final class RedisErrors {
    private RedisErrors() {
    }

    /** An error reply to PING or AUTH. */
    static Verification refusal(JedisDataException e, RedisTarget target) {
        String reply = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        if (reply.startsWith("WRONGPASS") || reply.startsWith("ERR INVALID PASSWORD") || reply.startsWith("NOAUTH")) {
            return Verification.dead("Redis at " + target.address() + " rejected the password of user " + target.userLabel());
        }
        if (reply.contains("WITHOUT ANY PASSWORD CONFIGURED") || reply.contains("NO PASSWORD IS SET")) {
            return Verification.unknown(RedisVerifier.NO_PASSWORD);
        }
        if (reply.startsWith("ERR WRONG NUMBER OF ARGUMENTS")) {
            return Verification.unknown("the server predates Redis 6 and its named users");
        }
        if (reply.startsWith("DENIED")) {
            return Verification.unknown("the server refuses outside connections (protected mode)");
        }
        if (reply.startsWith("LOADING") || reply.startsWith("BUSY") || reply.startsWith("MASTERDOWN")) {
            return Verification.unknown("the server is not ready");
        }
        return Verification.unknown("unexpected error reply from the server");
    }

    static String connectionFailure(JedisConnectionException e) {
        String reason = reason(e);
        for (Throwable suppressed : e.getSuppressed()) {
            reason = reason != null ? reason : reason(suppressed);
        }
        return reason != null ? reason : "unexpected answer: the server does not speak the Redis protocol";
    }

    private static String reason(Throwable e) {
        return NetworkFailures.reason(e).orElse(null);
    }
}
