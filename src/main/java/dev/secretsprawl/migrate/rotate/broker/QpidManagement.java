package dev.secretsprawl.migrate.rotate.broker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.amqp.AmqpTarget;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Apache Qpid Broker-J's REST API ({@code /api/latest}): the AMQP port the password logs into names its
 * authentication provider ({@code GET /api/latest/port}); the user is an object under it
 * ({@code /api/latest/user/PROVIDER/USER}) whose {@code password} attribute is set with a PUT. The user is read
 * first: a PUT to a missing user would create one.
 */
final class QpidManagement extends ManagementApi {
    QpidManagement(URI base) {
        super(base);
    }

    @Override
    String name() {
        return "Qpid Broker-J";
    }

    @Override
    void setPassword(Call call, AmqpTarget target, Secret next) throws IOException, InterruptedException {
        String provider = provider(call, target);
        String user = "/api/latest/user/" + segment(provider) + "/" + segment(target.user());
        Http.Response found = call.get(user);
        if (!found.ok()) {
            throw call.refused(found, target.user());
        }
        Http.Response changed = call.put(user, Map.of("password", next.reveal()));
        if (!changed.ok()) {
            throw call.refused(changed, target.user());
        }
    }

    /** The authentication provider of the broker port whose number the password's URL or settings name. */
    private static String provider(Call call, AmqpTarget target) throws IOException, InterruptedException {
        Http.Response ports = call.get("/api/latest/port");
        if (!ports.ok()) {
            throw call.refused(ports, target.user());
        }
        JsonNode list = JSON.readTree(ports.body());
        for (JsonNode port : list.isArray() ? list : JSON.createArrayNode().add(list)) {
            Optional<String> provider = Optional.ofNullable(port.get("authenticationProvider")).map(JsonNode::asText);
            if (port.path("port").asText().equals(String.valueOf(target.port())) && provider.isPresent()) {
                return provider.get();
            }
        }
        throw new Refused("the Qpid Broker-J broker at " + call.base() + " has no port " + target.port()
                + " with an authentication provider");
    }
}
