package dev.secretsprawl.verify.redis;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.net.DocumentationHosts;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import javax.net.ssl.SSLParameters;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Logs in to the Redis server written next to a password with AUTH. First a PING without credentials: a
 * server that answers it lets the default user in with any password, so that password proves nothing
 * (unknown, "server requires no password"). Then AUTH: OK is live; WRONGPASS (Redis 6+), "invalid password"
 * (Redis 5) or a NOAUTH answer to AUTH is a definite rejection, dead; anything else is unknown.
 */
public final class RedisVerifier implements Verifier {
    static final String NO_PASSWORD = "server requires no password: it accepts any password for the default user";

    @Override
    public Set<String> issuers() {
        return Set.of("redis");
    }

    /** A generic password written as a Redis setting next to the Redis host's setting. */
    @Override
    public boolean claims(Credential credential) {
        return RedisTargets.of(credential).isPresent();
    }

    @Override
    public String scope(Credential credential) {
        return RedisTargets.of(credential).map(RedisTarget::toString).orElse("");
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) {
        Optional<RedisTarget> found = RedisTargets.of(credential);
        if (found.isEmpty()) {
            return Verification.unknown("no Redis host written next to the password");
        }
        RedisTarget target = found.get();
        if (DocumentationHosts.isDocumentation(target.host())) {
            return Verification.unknown(DocumentationHosts.reason(target.host()));
        }
        context.connecting(URI.create((target.tls() ? "rediss://" : "redis://") + target.address()));
        try (Jedis jedis = new Jedis(new HostAndPort(target.host().replaceAll("^\\[|]$", ""), target.port()), config(target, context))) {
            return logIn(jedis, target);
        } catch (JedisConnectionException e) {
            return Verification.unknown(RedisErrors.connectionFailure(e));
        } catch (JedisDataException e) {
            return RedisErrors.refusal(e, target);
        }
    }

    private static Verification logIn(Jedis jedis, RedisTarget target) {
        if (opensWithoutPassword(jedis) && !target.namedUser()) {
            return Verification.unknown(NO_PASSWORD);
        }
        String reply = target.user().isEmpty() ? jedis.auth(target.password()) : jedis.auth(target.user(), target.password());
        if (!"OK".equalsIgnoreCase(reply)) {
            return Verification.unknown("unexpected answer from the server to AUTH");
        }
        return Verification.live("Redis user " + target.userLabel() + " at " + target.address() + " accepts the password");
    }

    /** True when PING works before AUTH; NOAUTH means the server wants a password. */
    private static boolean opensWithoutPassword(Jedis jedis) {
        try {
            jedis.ping();
            return true;
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT).startsWith("NOAUTH")) {
                return false;
            }
            throw e;
        }
    }

    private static DefaultJedisClientConfig config(RedisTarget target, VerifyContext context) {
        int millis = (int) Math.min(Integer.MAX_VALUE, context.timeout().toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis).socketTimeoutMillis(millis)
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .ssl(target.tls());
        if (target.tls()) {
            // the password goes only to the host its certificate names
            SSLParameters tls = new SSLParameters();
            tls.setEndpointIdentificationAlgorithm("HTTPS");
            config.sslParameters(tls);
        }
        return config.build();
    }
}
