package dev.secretsprawl.migrate.rotate.broker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.amqp.AmqpTarget;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RabbitMQ's management HTTP API: {@code GET /api/users/USER} for its tags (a list since 3.9, a comma-separated
 * string before), then {@code PUT /api/users/USER} with the new {@code password} and the same {@code tags}, which
 * a PUT would otherwise clear. The user is read first: a PUT to a missing user would create one.
 */
final class RabbitMqManagement extends ManagementApi {
    RabbitMqManagement(URI base) {
        super(base);
    }

    @Override
    String name() {
        return "RabbitMQ";
    }

    @Override
    void setPassword(Call call, AmqpTarget target, Secret next) throws IOException, InterruptedException {
        String user = "/api/users/" + segment(target.user());
        Http.Response found = call.get(user);
        if (!found.ok()) {
            throw call.refused(found, target.user());
        }
        String tags = tags(JSON.readTree(found.body()).path("tags"));
        Http.Response changed = call.put(user, Map.of("password", next.reveal(), "tags", tags));
        if (!changed.ok()) {
            throw call.refused(changed, target.user());
        }
    }

    private static String tags(JsonNode tags) {
        if (!tags.isArray()) {
            return tags.asText("");
        }
        List<String> names = new ArrayList<>();
        tags.forEach(t -> names.add(t.asText()));
        return String.join(",", names);
    }
}
