package dev.secretsprawl.migrate.rotate.broker;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.GeneratedPasswords;
import dev.secretsprawl.migrate.rotate.Rotator;
import dev.secretsprawl.migrate.rotate.SameServer;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.redis.RedisTarget;
import dev.secretsprawl.verify.redis.RedisTargets;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.AccessControlUser;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Changes a Redis password over an admin connection ({@code --admin redis=redis://ADMIN@HOST:PORT}). A named
 * ACL user: {@code ACL SETUSER user >new <old}, which adds the new password and drops the legacy one (only
 * while the user still has it, so a second run is the same rotation). The default user: {@code CONFIG SET
 * requirepass new}, which since Redis 6 replaces all its passwords. Then the change is saved ({@code ACL SAVE}
 * or {@code CONFIG REWRITE}): a change only in memory would bring the legacy password back at the next restart.
 */
public final class RedisRotator implements Rotator {
    static final String ISSUER = "redis";

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    /** A generic password written as a Redis setting, URL or redis-cli argument next to its host. */
    @Override
    public boolean claims(Credential legacy) {
        return RedisTargets.of(legacy).isPresent();
    }

    @Override
    public Optional<String> cannotRotate(Credential legacy, AdminAccess admin) {
        Optional<RedisTarget> target = RedisTargets.of(legacy);
        if (target.isEmpty()) {
            return Optional.of("no Redis host written next to the password");
        }
        Optional<AdminAccess.Login> login = admin.login(ISSUER);
        if (login.isEmpty()) {
            return Optional.of("no admin connection for redis: give --admin redis=redis://ADMIN@" + target.get().address()
                    + " and SPRAWL_ADMIN_REDIS_PASSWORD");
        }
        URI uri = login.get().uri();
        if (!Set.of("redis", "rediss").contains(uri.getScheme())) {
            return Optional.of("the admin connection for redis must be a redis:// or rediss:// URI");
        }
        return SameServer.mismatch(ISSUER, uri.getHost(), RedisAdmin.port(uri), target.get().host(), target.get().port());
    }

    @Override
    public Optional<Secret> propose(Credential legacy) {
        return Optional.of(GeneratedPasswords.next());
    }

    @Override
    public Secret rotate(Credential legacy, Optional<Secret> proposed, AdminAccess admin, VerifyContext context)
            throws IOException {
        Optional<String> refusal = cannotRotate(legacy, admin);
        if (refusal.isPresent()) {
            throw new IOException("cannot rotate: " + refusal.get());
        }
        RedisTarget target = RedisTargets.of(legacy).orElseThrow();
        AdminAccess.Login login = admin.login(ISSUER).orElseThrow();
        Secret next = proposed.orElseGet(GeneratedPasswords::next);
        String address = target.address();
        try (Jedis jedis = connectAsAdmin(login, target, next, context)) {
            if (target.namedUser()) {
                changeAclUser(jedis, target, next, address);
            } else {
                jedis.configSet("requirepass", next.reveal());
            }
            save(jedis, target.namedUser(), target.userLabel(), address);
            return next;
        } catch (JedisConnectionException e) {
            if (e.getCause() instanceof JedisDataException refused) {
                throw new IOException(RedisAdmin.refusal(refused, target.userLabel(), address));
            }
            throw new IOException("could not reach Redis at " + address + " for the admin login ("
                    + RedisAdmin.connectionFailure(e) + ")");
        } catch (JedisDataException e) {
            throw new IOException(RedisAdmin.refusal(e, target.userLabel(), address));
        }
    }

    /**
     * The admin login; when the admin is the very user being rotated (often the default user of a requirepass
     * server) and an earlier run already changed its password, the proposed one is its login now.
     */
    private static Jedis connectAsAdmin(AdminAccess.Login login, RedisTarget target, Secret next, VerifyContext context) {
        try {
            return RedisAdmin.connect(login, login.password(), context);
        } catch (JedisConnectionException | JedisDataException e) {
            String admin = login.user().isEmpty() ? "default" : login.user();
            if (!RedisAdmin.loginRejected(e) || !admin.equals(target.userLabel())) {
                throw e;
            }
            try {
                return RedisAdmin.connect(login, next, context);
            } catch (JedisConnectionException | JedisDataException again) {
                throw e;
            }
        }
    }

    private static void changeAclUser(Jedis jedis, RedisTarget target, Secret next, String address) throws IOException {
        AccessControlUser user = jedis.aclGetUser(target.user());
        if (user == null) {
            // ACL SETUSER would create the user: a rotation must never add an account
            throw new IOException("there is no Redis user " + target.user() + " at " + address);
        }
        List<String> rules = new ArrayList<>(List.of(">" + next.reveal()));
        if (user.getPasswords().contains(RedisAdmin.sha256(target.password())) && !target.password().equals(next.reveal())) {
            rules.add("<" + target.password());
        }
        jedis.aclSetUser(target.user(), rules.toArray(String[]::new));
    }

    /** ACL SAVE when users live in an ACL file, else CONFIG REWRITE of the config file. */
    private static void save(Jedis jedis, boolean aclUser, String user, String address) throws IOException {
        if (aclUser && saved(() -> jedis.aclSave())) {
            return;
        }
        if (!saved(jedis::configRewrite)) {
            throw new IOException("the password of Redis user " + user + " at " + address + " changed, but the server"
                    + " could not save it (no config or ACL file): a restart would bring the legacy password back;"
                    + " write the new password into the server's configuration");
        }
    }

    private static boolean saved(java.util.function.Supplier<String> command) {
        try {
            return "OK".equalsIgnoreCase(command.get());
        } catch (JedisDataException e) {
            return false;
        }
    }
}
