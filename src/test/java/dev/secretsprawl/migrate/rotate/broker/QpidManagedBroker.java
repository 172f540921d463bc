package dev.secretsprawl.migrate.rotate.broker;

import dev.secretsprawl.verify.net.StandIns;
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
 * Apache Qpid Broker-J in this JVM with an AMQP 0-9-1 port and its HTTP management port, both on 127.0.0.1,
 * in-memory stores, and the admin user {@code ops} of the Plain provider (basic auth allowed over plain HTTP).
 */
final class QpidManagedBroker implements AutoCloseable {
    private final SystemLauncher launcher;
    private final AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
    private final int amqpPort;
    private final int httpPort;

    QpidManagedBroker(String adminPassword) throws Exception {
        this.amqpPort = StandIns.freePort();
        this.httpPort = StandIns.freePort();
        this.launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }
        });
        Path work = Files.createDirectories(Path.of("target", "qpid-rotate-" + amqpPort)).toAbsolutePath();
        Map<String, String> variables = new HashMap<>();
        variables.put("qpid.amqp_port", String.valueOf(amqpPort));
        variables.put("qpid.http_port", String.valueOf(httpPort));
        variables.put("qpid.work_dir", work.toString());
        variables.put("sprawl.admin.password", adminPassword);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation",
                QpidManagedBroker.class.getResource("qpid-management-config.json").toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", variables);
        launcher.startup(attributes);
    }

    int amqpPort() {
        return amqpPort;
    }

    int httpPort() {
        return httpPort;
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
