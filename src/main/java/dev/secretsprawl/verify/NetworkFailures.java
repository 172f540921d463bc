package dev.secretsprawl.verify;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/**
 * The network failures every verifier meets, named in our words by walking the cause chain: drivers wrap them
 * in their own exceptions, whose messages may quote the URL with its password and are never shown.
 */
public final class NetworkFailures {
    private NetworkFailures() {
    }

    /** "timed out", "could not connect", ... for a network failure anywhere in the chain; empty otherwise. */
    public static Optional<String> reason(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 32; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return Optional.of("timed out");
            }
            if (t instanceof ConnectException) {
                return Optional.of("could not connect");
            }
            if (t instanceof UnknownHostException) {
                return Optional.of("unknown host");
            }
            if (t instanceof NoRouteToHostException) {
                return Optional.of("no route to host");
            }
            if (t instanceof SSLException) {
                return Optional.of("TLS handshake failed");
            }
        }
        return Optional.empty();
    }
}
