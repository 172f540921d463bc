package dev.secretsprawl.verify.db;

import dev.secretsprawl.scan.Secret;
import org.junit.jupiter.api.Test;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What we hand pgjdbc: TLS when offered, but never the operator's client key, and never a console prompt. */
class PostgresLoginTest {
    private static Properties properties() {
        ConnectionFacts f = new ConnectionFacts(DatabaseKind.POSTGRES, "db.internal", 5432, "app", Optional.empty(),
                new Secret(StandInServers.password(20)), Optional.empty());
        return new PostgresLogin().properties(f, Duration.ofSeconds(5));
    }

    @Test
    void shouldPreferTlsWithoutOfferingAClientCertificate() {
        Properties p = properties();

        assertThat(p.getProperty("sslmode")).isEqualTo("prefer");
        // empty is pgjdbc's documented "send no client certificate" (else ~/.postgresql/postgresql.crt and .pk8)
        assertThat(p.getProperty("sslcert")).isEmpty();
        assertThat(p.getProperty("sslkey")).isEmpty();
    }

    @Test
    void shouldRefuseAKeyPassphraseInsteadOfPromptingOnTheConsole() throws Exception {
        String handler = properties().getProperty("sslpasswordcallback");
        // pgjdbc builds the handler by name with its no-argument constructor
        Object built = Class.forName(handler).getConstructor().newInstance();

        assertThat(built).isInstanceOf(NoKeyPassphrase.class);
        assertThatThrownBy(() -> ((NoKeyPassphrase) built).handle(new Callback[] {new PasswordCallback("key: ", false)}))
                .isInstanceOf(UnsupportedCallbackException.class);
    }
}
