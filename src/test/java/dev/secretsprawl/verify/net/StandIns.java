package dev.secretsprawl.verify.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Local TCP servers that stand in for a broken service: one that never answers, one that answers garbage. */
public final class StandIns {
    private StandIns() {
    }

    /** Accepts connections (the kernel completes them) and never sends a byte. Close it when done. */
    public static ServerSocket silent() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** Answers every connection with these bytes, then closes it. */
    public static ServerSocket answering(String reply) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(reply.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(200);
                } catch (IOException e) {
                    // closed: the test is over
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "garbage-server");
        t.setDaemon(true);
        t.start();
        return server;
    }

    /** A port nothing listens on (free a moment ago). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
