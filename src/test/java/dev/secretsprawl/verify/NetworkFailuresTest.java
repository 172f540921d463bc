package dev.secretsprawl.verify;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkFailuresTest {
    @Test
    void shouldNameTheNetworkFailureWrappedInADriversException() {
        String url = "redis://:p4ss-" + System.nanoTime() + "@db.internal:6379";
        RuntimeException wrapped = new RuntimeException("Failed connecting to " + url,
                new IOException("I/O " + url, new ConnectException("Connection refused")));
        assertThat(NetworkFailures.reason(wrapped)).contains("could not connect");
        assertThat(NetworkFailures.reason(new IOException(new SocketTimeoutException("Read timed out")))).contains("timed out");
        assertThat(NetworkFailures.reason(new UnknownHostException(url))).contains("unknown host");
        assertThat(NetworkFailures.reason(new SSLHandshakeException("PKIX"))).contains("TLS handshake failed");
    }

    @Test
    void shouldLeaveOtherFailuresToTheVerifier() {
        assertThat(NetworkFailures.reason(new IllegalStateException("protocol error"))).isEmpty();
    }
}
