package dev.secretsprawl.verify.db;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Why a login attempt failed, in our words: the kind of failure and the SQLState, never the driver's text. */
final class Failures {
    private Failures() {
    }

    static String describe(SQLException e, ConnectionFacts f) {
        String at = " " + f.address();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "no answer from" + at + " in time";
            }
            if (t instanceof ConnectException) {
                return "could not connect to" + at;
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + f.host();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to" + at;
            }
            if (t instanceof SSLException) {
                return "the TLS handshake with" + at + " failed";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String state = e.getSQLState() != null && e.getSQLState().matches("[0-9A-Z]{5}") ? e.getSQLState() : "none";
        if (state.startsWith("08")) {
            return "could not talk to the database server at" + at + " (SQLState " + state + ")";
        }
        return "the server at" + at + " answered with an error we do not read as a verdict (SQLState " + state + ")";
    }
}
