package dev.secretsprawl.verify.amqp;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.AuthenticationProvider;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.PasswordCredentialManagingAuthenticationProvider;
import org.apache.qpid.server.model.SystemConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Apache Qpid Broker-J in this JVM: an AMQP 0-9-1 port on 127.0.0.1, in-memory stores, one user of the
 * Plain provider (PLAIN allowed without TLS) whose password tests change through the broker's model.
 */
final class QpidBroker implements AutoCloseable {
    private final SystemLauncher launcher;
    private final AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
    private final int port;

    private QpidBroker(int port, String user, String password) throws Exception {
        this.port = port;
        this.launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }
        });
        Path work = Files.createDirectories(Path.of("target", "qpid-work-" + port)).toAbsolutePath();
        Map<String, String> variables = new HashMap<>();
        variables.put("qpid.amqp_port", String.valueOf(port));
        variables.put("qpid.work_dir", work.toString());
        variables.put("sprawl.amqp.user", user);
        variables.put("sprawl.amqp.password", password);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation",
                QpidBroker.class.getResource("qpid-initial-config.json").toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", variables);
        launcher.startup(attributes);
    }

    static QpidBroker start(int port, String user, String password) throws Exception {
        return new QpidBroker(port, user, password);
    }

    int port() {
        return port;
    }

    void setPassword(String user, String password) throws Exception {
        Broker<?> broker = (Broker<?>) system.get().getContainer(Broker.class);
        AuthenticationProvider<?> provider = broker.getChildByName(AuthenticationProvider.class, "plain");
        ((PasswordCredentialManagingAuthenticationProvider<?>) provider).setPassword(user, password);
    }

    void createUser(String user, String password) {
        Broker<?> broker = (Broker<?>) system.get().getContainer(Broker.class);
        AuthenticationProvider<?> provider = broker.getChildByName(AuthenticationProvider.class, "plain");
        ((PasswordCredentialManagingAuthenticationProvider<?>) provider).createUser(user, password, Map.of());
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
