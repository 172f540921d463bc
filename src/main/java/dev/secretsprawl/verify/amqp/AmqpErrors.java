package dev.secretsprawl.verify.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.MalformedFrameException;
import com.rabbitmq.client.ProtocolVersionMismatchException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.secretsprawl.verify.NetworkFailures;

import java.io.EOFException;
import java.util.Optional;

/**
 * AMQP client failures in our own words (its messages may quote what the broker or the URL said), read from
 * the broker's {@code connection.close}: its class and method ids name the step it refused.
 */
final class AmqpErrors {
    private static final int CONNECTION_CLASS = 10;
    private static final int START_OK = 11;
    private static final int SECURE_OK = 21;
    private static final int OPEN = 40;

    private AmqpErrors() {
    }

    /** The broker refused the login: ACCESS_REFUSED (RabbitMQ) or NOT_ALLOWED (Qpid) answering the password. */
    static boolean loginRefused(Throwable e) {
        return close(e).filter(c -> c.getClassId() == CONNECTION_CLASS
                        && (c.getMethodId() == START_OK || c.getMethodId() == SECURE_OK)
                        && (c.getReplyCode() == AMQP.ACCESS_REFUSED || c.getReplyCode() == AMQP.NOT_ALLOWED))
                .isPresent();
    }

    /**
     * The connection ended during the login without a close: old RabbitMQ did so for a bad password, but a
     * reset, a stall or an overloaded broker look the same, so it is never read as a verdict.
     */
    static boolean hungUp(Throwable e) {
        return close(e).isEmpty();
    }

    /**
     * The broker refused {@code connection.open}, the virtual host: it gets there only after the login
     * succeeded (the tune follows a good password), so the password works.
     */
    static boolean refusedVirtualHost(Throwable e) {
        return close(e).filter(c -> c.getClassId() == CONNECTION_CLASS && c.getMethodId() == OPEN).isPresent();
    }

    private static Optional<AMQP.Connection.Close> close(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s && !s.isInitiatedByApplication()
                    && s.getReason() instanceof AMQP.Connection.Close close) {
                return Optional.of(close);
            }
        }
        return Optional.empty();
    }

    static String reason(Throwable e) {
        Optional<String> network = NetworkFailures.reason(e);
        if (network.isPresent()) {
            return network.get();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProtocolVersionMismatchException) {
                return "the broker speaks another AMQP version than 0-9-1";
            }
            if (t instanceof MalformedFrameException) {
                return "unexpected answer: the server does not speak AMQP 0-9-1";
            }
            if (t instanceof EOFException) {
                return "the server hung up before the login";
            }
        }
        return close(e).isPresent() ? "the broker closed the connection before the login finished"
                : "check failed (" + e.getClass().getSimpleName() + ")";
    }
}
