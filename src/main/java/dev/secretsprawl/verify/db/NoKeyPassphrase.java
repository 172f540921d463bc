package dev.secretsprawl.verify.db;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * pgjdbc's {@code sslpasswordcallback}: asked for a client key's passphrase, it refuses. The driver's default
 * asks on the console, which would block an unattended scan; we never use a client key anyway. pgjdbc builds
 * it by name, hence public with a public no-argument constructor.
 */
public final class NoKeyPassphrase implements CallbackHandler {
    public NoKeyPassphrase() {
        // nothing to hold
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        throw new UnsupportedCallbackException(callbacks.length == 0 ? null : callbacks[0],
                "secret-sprawl never unlocks a client key");
    }
}
