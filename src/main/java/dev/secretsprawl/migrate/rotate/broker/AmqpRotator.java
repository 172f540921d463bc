package dev.secretsprawl.migrate.rotate.broker;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.GeneratedPasswords;
import dev.secretsprawl.migrate.rotate.Rotator;
import dev.secretsprawl.migrate.rotate.SameServer;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.NetworkFailures;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.amqp.AmqpTarget;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Changes an AMQP user's password through the broker's management HTTP API (not over AMQP), given as
 * {@code --admin amqp=URI}: {@code qpid+http(s)://ADMIN@HOST:PORT} for Apache Qpid Broker-J's REST API,
 * {@code rabbitmq+http(s)://ADMIN@HOST:PORT} or plain {@code http(s)://} for RabbitMQ's management API
 * (a {@code ?broker=qpid} or {@code ?broker=rabbitmq} parameter says the same). The management port differs
 * from the AMQP port, so only the host must match the one written next to the password.
 */
public final class AmqpRotator implements Rotator {
    static final String ISSUER = "amqp";

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    /** A generic password written as a RabbitMQ setting or AMQP URL next to the broker's host and user. */
    @Override
    public boolean claims(Credential legacy) {
        return target(legacy).isPresent();
    }

    private static Optional<AmqpTarget> target(Credential legacy) {
        return AmqpTarget.find(legacy.context().reveal(), legacy.secret().reveal());
    }

    @Override
    public Optional<String> cannotRotate(Credential legacy, AdminAccess admin) {
        Optional<AmqpTarget> target = target(legacy);
        if (target.isEmpty()) {
            return Optional.of("no AMQP URL or broker settings with a host next to the password");
        }
        if (target.get().user().isEmpty()) {
            return Optional.of("no user written next to the password");
        }
        Optional<AdminAccess.Login> login = admin.login(ISSUER);
        if (login.isEmpty()) {
            return Optional.of("no admin connection for amqp: give --admin amqp=rabbitmq+http://ADMIN@" + target.get().host()
                    + ":15672 (or qpid+http://...) and SPRAWL_ADMIN_AMQP_PASSWORD");
        }
        if (ManagementApi.of(login.get().uri()).isEmpty()) {
            return Optional.of("the admin connection for amqp must be the broker's management API: "
                    + "rabbitmq+http(s)://, qpid+http(s):// or http(s)://");
        }
        return SameServer.mismatch(ISSUER, login.get().uri().getHost(), -1, target.get().host(), -1);
    }

    @Override
    public Optional<Secret> propose(Credential legacy) {
        return Optional.of(GeneratedPasswords.next());
    }

    @Override
    public Secret rotate(Credential legacy, Optional<Secret> proposed, AdminAccess admin, VerifyContext context)
            throws IOException, InterruptedException {
        Optional<String> refusal = cannotRotate(legacy, admin);
        if (refusal.isPresent()) {
            throw new IOException("cannot rotate: " + refusal.get());
        }
        AmqpTarget target = target(legacy).orElseThrow();
        AdminAccess.Login login = admin.login(ISSUER).orElseThrow();
        ManagementApi api = ManagementApi.of(login.uri()).orElseThrow();
        Secret next = proposed.orElseGet(GeneratedPasswords::next);
        ManagementApi.Call call = new ManagementApi.Call(context.httpTo(api.base()), api.base(),
                "Basic " + Base64.getEncoder().encodeToString((login.user() + ":" + login.password().reveal())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), api.name());
        try {
            api.setPassword(call, target, next);
            return next;
        } catch (Http.ForbiddenHostException e) {
            throw new IOException("refused to send the admin login outside " + api.base());
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer from the " + api.name() + " management API at " + api.base() + " in time");
        } catch (ManagementApi.Refused e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("unexpected answer from the " + api.name() + " management API at " + api.base());
        } catch (IOException e) {
            throw new IOException("could not reach the " + api.name() + " management API at " + api.base()
                    + " (" + NetworkFailures.reason(e).orElse("connection failed") + ")");
        }
    }
}
