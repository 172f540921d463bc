package dev.secretsprawl.verify.db;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Local stand-ins at a database's address: one that accepts and never answers, one that answers garbage,
 * and a port where nothing listens. Each runs on a daemon thread until closed.
 */
final class StandInServers implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<ServerSocket> sockets = new ArrayList<>();
    private final List<Socket> accepted = new ArrayList<>();

    /** Accepts connections and keeps them open without a byte. */
    int silent() throws IOException {
        return serve(s -> { });
    }

    /** Answers every connection with an HTTP response, which no database driver expects, then hangs up. */
    int garbage() throws IOException {
        return serve(s -> {
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.close();
        });
    }

    /** A port that was free a moment ago and has nothing listening now. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Random letters and digits that every rule reports: upper and lower case and a digit (an all-letter value
     * is allowlisted as a word), and none of the rules' stopwords inside.
     */
    static String password(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            if (s.matches(".*[0-9].*") && s.matches(".*[A-Z].*") && s.matches(".*[a-z].*")
                    && !s.toLowerCase(java.util.Locale.ROOT).matches(".*(?:test|demo|mock|admin|pass|secret|example|sample|dummy|fake|xxx).*")) {
                return s;
            }
        }
    }

    /** A role or user name no test shares. */
    static String user(String stem) {
        return stem + "_" + password(6).toLowerCase();
    }

    private interface Handler {
        void handle(Socket s) throws IOException;
    }

    private int serve(Handler handler) throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        sockets.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    synchronized (accepted) {
                        accepted.add(s);
                    }
                    handler.handle(s);
                } catch (IOException e) {
                    return;
                }
            }
        }, "stand-in-db");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (ServerSocket s : sockets) {
            s.close();
        }
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
