package dev.secretsprawl.migrate.rotate.broker;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.NetworkFailures;
import dev.secretsprawl.verify.VerifyContext;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import javax.net.ssl.SSLParameters;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The admin connection to Redis, and its failures in our own words (Jedis messages may quote the server). */
final class RedisAdmin {
    private static final int DEFAULT_PORT = 6379;

    private RedisAdmin() {
    }

    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : DEFAULT_PORT;
    }

    static Jedis connect(AdminAccess.Login login, Secret password, VerifyContext context) {
        URI uri = login.uri();
        boolean tls = "rediss".equals(uri.getScheme());
        context.connecting(URI.create(uri.getScheme() + "://" + hostForUri(uri.getHost()) + ":" + port(uri)));
        int millis = (int) Math.min(Integer.MAX_VALUE, context.timeout().toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis).socketTimeoutMillis(millis)
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED).ssl(tls)
                .password(password.reveal());
        if (!login.user().isEmpty() && !"default".equals(login.user())) {
            config.user(login.user());
        }
        if (tls) {
            SSLParameters params = new SSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            config.sslParameters(params);
        }
        Jedis jedis = new Jedis(new HostAndPort(uri.getHost().replaceAll("^\\[|]$", ""), port(uri)), config.build());
        try {
            jedis.connect();
            return jedis;
        } catch (RuntimeException e) {
            jedis.close();
            throw e;
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The server turned the admin's AUTH down (the reply comes bare or wrapped in a connection failure). */
    static boolean loginRejected(RuntimeException e) {
        Throwable t = e instanceof JedisConnectionException && e.getCause() instanceof JedisDataException ? e.getCause() : e;
        return t instanceof JedisDataException d && loginRejected(d);
    }

    private static boolean loginRejected(JedisDataException e) {
        String reply = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        return reply.startsWith("WRONGPASS") || reply.startsWith("ERR INVALID PASSWORD") || reply.startsWith("NOAUTH")
                || reply.contains("AUTH") && reply.contains("WITHOUT ANY PASSWORD");
    }

    static String refusal(JedisDataException e, String user, String address) {
        String reply = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        if (loginRejected(e)) {
            return "the admin login for redis at " + address
                    + " was rejected: check the user in --admin and SPRAWL_ADMIN_REDIS_PASSWORD";
        }
        if (reply.startsWith("NOPERM")) {
            return "the admin user may not change the password of Redis user " + user + " at " + address
                    + " (it needs ACL and CONFIG commands)";
        }
        if (reply.contains("UNKNOWN COMMAND") || reply.contains("UNKNOWN SUBCOMMAND")) {
            return "Redis at " + address + " does not offer the ACL or CONFIG commands (renamed, disabled, or older than Redis 6)";
        }
        return "Redis at " + address + " refused to change the password of user " + user;
    }

    static String connectionFailure(JedisConnectionException e) {
        String reason = NetworkFailures.reason(e).orElse(null);
        for (Throwable suppressed : e.getSuppressed()) {
            reason = reason != null ? reason : NetworkFailures.reason(suppressed).orElse(null);
        }
        return reason != null ? reason : "the server does not answer as Redis does";
    }

    /** Redis keeps ACL passwords as SHA-256 hex; ACL GETUSER lists them so. */
    static String sha256(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
