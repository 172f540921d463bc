package dev.secretsprawl.verify.amqp;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.net.DocumentationHosts;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Opens an AMQP 0-9-1 connection (RabbitMQ and compatible brokers) with the URL's user and password, then
 * closes it. Connected: live. The broker closing the connection in answer to the password with ACCESS_REFUSED
 * (RabbitMQ) or NOT_ALLOWED (Qpid): dead. Refused at {@code connection.open}, which comes only after a good
 * password: live, only the virtual host fails. Anything else (another close code, a hang-up without a close,
 * which RabbitMQ before 3.2 sent for a bad password but a reset or a stall also produce, a timeout, a server
 * that does not speak AMQP 0-9-1): unknown.
 */
public final class AmqpVerifier implements Verifier {
    @Override
    public Set<String> issuers() {
        return Set.of("amqp");
    }

    /** A generic password written as a RabbitMQ setting next to the broker's host and user settings. */
    @Override
    public boolean claims(Credential credential) {
        return target(credential).isPresent();
    }

    @Override
    public String scope(Credential credential) {
        return target(credential).map(AmqpTarget::toString).orElse("");
    }

    private static Optional<AmqpTarget> target(Credential credential) {
        return AmqpTarget.find(credential.context().reveal(), credential.secret().reveal());
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException {
        Optional<AmqpTarget> found = target(credential);
        if (found.isEmpty()) {
            return Verification.unknown("no AMQP URL or broker settings with a host next to the password");
        }
        AmqpTarget target = found.get();
        if (DocumentationHosts.isDocumentation(target.host())) {
            return Verification.unknown(DocumentationHosts.reason(target.host()));
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, context.timeout().toMillis());
        ConnectionFactory factory = factory(target, millis);
        context.connecting(URI.create((target.tls() ? "amqps://" : "amqp://") + target.address()));
        String who = "AMQP user " + target.user() + " at " + target.address();
        try {
            Connection connection = factory.newConnection();
            connection.abort(millis);
            return Verification.live(who + " logs in to virtual host " + target.vhost());
        } catch (AuthenticationFailureException e) {
            return Verification.dead(who + " was refused (ACCESS_REFUSED)");
        } catch (PossibleAuthenticationFailureException e) {
            if (AmqpErrors.loginRefused(e)) {
                return Verification.dead(who + " was refused at login");
            }
            // the client reports any shutdown during the login this way, a reset or a stall included
            return AmqpErrors.hungUp(e)
                    ? Verification.unknown("the connection ended during the login without the broker saying why")
                    : Verification.unknown("the broker closed the connection during the login for a reason other than the password");
        } catch (TimeoutException e) {
            return Verification.unknown("timed out");
        } catch (IOException e) {
            return AmqpErrors.refusedVirtualHost(e)
                    ? Verification.live(who + " logs in, but may not open virtual host " + target.vhost())
                    : Verification.unknown(AmqpErrors.reason(e));
        }
    }

    private static ConnectionFactory factory(AmqpTarget target, int millis) throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(target.host().replaceAll("^\\[|]$", ""));
        factory.setPort(target.port());
        factory.setUsername(target.user());
        factory.setPassword(target.password());
        factory.setVirtualHost(target.vhost());
        factory.setConnectionTimeout(millis);
        factory.setHandshakeTimeout(millis);
        factory.setShutdownTimeout(millis);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setThreadFactory(r -> {
            Thread t = new Thread(r, "sprawl-verify-amqp");
            t.setDaemon(true);
            return t;
        });
        if (target.tls()) {
            try {
                factory.useSslProtocol(SSLContext.getDefault());
            } catch (NoSuchAlgorithmException e) {
                throw new IOException("no TLS available", e);
            }
            factory.enableHostnameVerification(); // the password goes only to the host its certificate names
        }
        return factory;
    }
}
