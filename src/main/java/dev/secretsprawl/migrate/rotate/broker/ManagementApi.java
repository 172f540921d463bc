package dev.secretsprawl.migrate.rotate.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.amqp.AmqpTarget;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A broker's management HTTP API that can change a user's password: Qpid Broker-J's or RabbitMQ's. */
abstract class ManagementApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;

    ManagementApi(URI base) {
        this.base = base;
    }

    /** The API an admin URI names by its scheme ({@code qpid+http}) or {@code ?broker=}; plain HTTP means RabbitMQ. */
    static Optional<ManagementApi> of(URI admin) {
        String scheme = admin.getScheme().toLowerCase(Locale.ROOT);
        String broker = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : brokerParameter(admin);
        String http = scheme.substring(scheme.indexOf('+') + 1);
        if (!http.equals("http") && !http.equals("https")) {
            return Optional.empty();
        }
        URI base;
        try {
            String path = admin.getPath() == null ? "" : admin.getPath().replaceAll("/+$", "");
            base = new URI(http, null, admin.getHost(), admin.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return switch (broker) {
            case "qpid" -> Optional.of(new QpidManagement(base));
            case "rabbitmq", "" -> Optional.of(new RabbitMqManagement(base));
            default -> Optional.empty();
        };
    }

    private static String brokerParameter(URI admin) {
        String query = admin.getQuery() == null ? "" : admin.getQuery();
        for (String pair : query.split("&")) {
            if (pair.toLowerCase(Locale.ROOT).startsWith("broker=")) {
                return pair.substring("broker=".length()).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    URI base() {
        return base;
    }

    abstract String name();

    /** Makes NEXT the user's only password; the same NEXT twice is one change. */
    abstract void setPassword(Call call, AmqpTarget target, Secret next) throws IOException, InterruptedException;

    /** One admin session: HTTP fenced to the management API's origin, and the admin's Authorization header. */
    record Call(Http http, URI base, String authorization, String api) {
        Http.Response get(String path) throws IOException, InterruptedException {
            return http.send("GET", uri(path), Map.of("Authorization", authorization, "Accept", "application/json"), null);
        }

        Http.Response put(String path, Map<String, Object> body) throws IOException, InterruptedException {
            return http.send("PUT", uri(path), Map.of("Authorization", authorization, "Accept", "application/json",
                    "Content-Type", "application/json"), JSON.writeValueAsString(body));
        }

        private URI uri(String path) {
            return URI.create(base + path);
        }

        /** Our words for an answer that is not a success: never the body, which may echo the request. */
        Refused refused(Http.Response r, String user) {
            return new Refused(switch (r.status()) {
                case 401 -> "the admin login for amqp at " + base + " was rejected: check the user in --admin and SPRAWL_ADMIN_AMQP_PASSWORD";
                case 403 -> "the admin user may not change the password of " + user + " through the " + api + " management API";
                case 404 -> "there is no user " + user + " at the " + api + " broker " + base;
                default -> "the " + api + " management API at " + base + " answered HTTP " + r.status()
                        + " when changing the password of " + user;
            });
        }
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The management API said no: its message is already ours. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }
}
