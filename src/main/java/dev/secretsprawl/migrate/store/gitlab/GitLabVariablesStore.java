package dev.secretsprawl.migrate.store.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.StoreConflictException;
import dev.secretsprawl.migrate.store.StoreException;
import dev.secretsprawl.migrate.store.StoreFactory;
import dev.secretsprawl.migrate.store.StoreMetadata;
import dev.secretsprawl.migrate.store.StoredValue;
import dev.secretsprawl.migrate.store.rest.RestApi;
import dev.secretsprawl.scan.Secret;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * GitLab CI/CD variables of a project ({@code gitlab://GROUP/PROJECT}, subgroups allowed), through the
 * project-level variables API (https://docs.gitlab.com/api/project_level_variables/): protected, raw (so a
 * {@code $} in the value is never expanded), of type env_var, in the {@code *} environment scope, and masked
 * and hidden when the value meets GitLab's masking rules ({@link Masking}). A hidden variable cannot be read
 * back, so {@link #readable()} is false and {@link #current} gives a value only when GitLab shows one.
 *
 * <p>Versions: GitLab keeps none, so we count our writes in the variable's description
 * ({@code sprawl-version=N}, next to the {@link StoreMetadata} fields; a variable without it counts as 1). A
 * write reads the variable, compares the count with the expected version, then creates or updates it: another
 * writer between that read and the write is not detected, as GitLab offers no compare-and-set.
 */
public final class GitLabVariablesStore implements SecretStore {
    static final String DEFAULT_URL = "https://gitlab.com";
    /** Only the {@code *} scope, the one we create in: GitLab may hold one variable per scope under one key. */
    private static final String SCOPE = "?filter%5Benvironment_scope%5D=%2A";

    private final RestApi api;
    private final String project;

    GitLabVariablesStore(RestApi api, String project) {
        this.api = api;
        this.project = project;
    }

    /** Opens {@code gitlab://} destinations with {@code GITLAB_TOKEN} and {@code GITLAB_URL} or {@code CI_SERVER_URL}. */
    public static final class Factory implements StoreFactory {
        @Override
        public String scheme() {
            return "gitlab";
        }

        @Override
        public SecretStore open(Destination destination, Map<String, String> env) throws IOException {
            String project = projectOf(destination);
            String token = env.getOrDefault("GITLAB_TOKEN", "").strip();
            if (token.isEmpty()) {
                throw new StoreException("set GITLAB_TOKEN to a token with the api scope and the Maintainer role on " + project);
            }
            String url = env.getOrDefault("GITLAB_URL", "").strip();
            if (url.isEmpty()) {
                url = env.getOrDefault("CI_SERVER_URL", "").strip();
            }
            URI base = URI.create(url.isEmpty() ? DEFAULT_URL : url);
            return new GitLabVariablesStore(new RestApi("GitLab", base, Map.of("PRIVATE-TOKEN", token),
                    Duration.ofSeconds(30)), project);
        }
    }

    /** GROUP/SUBGROUP/PROJECT from the destination's authority and path. */
    static String projectOf(Destination destination) throws StoreException {
        String group = destination.uri().getAuthority();
        String path = String.join("/", destination.segments());
        if (group == null || path.isEmpty() || !(group + "/" + path).matches("[\\w.-]+(/[\\w.-]+)+")) {
            throw new StoreException("'" + destination + "' is not a GitLab destination: write gitlab://GROUP/PROJECT"
                    + " (subgroups as gitlab://GROUP/SUBGROUP/PROJECT)");
        }
        return group + "/" + path;
    }

    @Override
    public String describe() {
        return "gitlab://" + project;
    }

    @Override
    public boolean readable() {
        return false;
    }

    @Override
    public String locate(String key) {
        return "$" + key + " in " + project;
    }

    private String variables() {
        return "/api/v4/projects/" + URLEncoder.encode(project, StandardCharsets.UTF_8) + "/variables";
    }

    @Override
    public Optional<StoredValue> current(String key) throws IOException, InterruptedException {
        return read(key).map(v -> new StoredValue(Descriptions.version(v.path("description").asText("")),
                visibleValue(v)));
    }

    private Optional<JsonNode> read(String key) throws IOException, InterruptedException {
        VariableKeys.check(key);
        RestApi.Answer answer = api.send("GET", variables() + "/" + key + SCOPE, null);
        return switch (answer.status()) {
            case 200 -> Optional.of(answer.json());
            case 404 -> Optional.empty();
            default -> throw refused(answer, "read variable " + key, null);
        };
    }

    private static Optional<Secret> visibleValue(JsonNode variable) {
        JsonNode value = variable.path("value");
        return variable.path("hidden").asBoolean(false) || !value.isTextual() ? Optional.empty()
                : Optional.of(new Secret(value.asText()));
    }

    @Override
    public Optional<Secret> version(String key, int version) throws IOException, InterruptedException {
        return current(key).filter(v -> v.version() == version).flatMap(StoredValue::value);
    }

    /** Reads, compares our write count, then creates or updates: see the class comment for the race. */
    @Override
    public int write(String key, Secret value, StoreMetadata metadata, int expectedVersion)
            throws IOException, InterruptedException {
        Optional<JsonNode> existing = read(key);
        int found = existing.map(v -> Descriptions.version(v.path("description").asText(""))).orElse(0);
        if (found != expectedVersion) {
            throw new StoreConflictException(key, expectedVersion, found);
        }
        int next = expectedVersion + 1;
        boolean maskable = Masking.allows(value.reveal());
        ObjectNode body = RestApi.JSON.createObjectNode();
        body.put("value", value.reveal());
        body.put("variable_type", "env_var");
        body.put("protected", true);
        body.put("masked", maskable);
        body.put("raw", true);
        body.put("description", Descriptions.of(next, metadata));
        RestApi.Answer answer;
        if (existing.isEmpty()) {
            body.put("key", key);
            body.put("environment_scope", "*");
            body.put("masked_and_hidden", maskable);
            answer = api.send("POST", variables(), body);
        } else {
            if (existing.get().path("hidden").asBoolean(false) && !maskable) {
                throw new StoreException(key + " is a hidden variable in " + project + " and the new value cannot be masked "
                        + "(" + Masking.RULE + "); GitLab cannot unhide a variable: delete it in GitLab and run the migration again");
            }
            answer = api.send("PUT", variables() + "/" + key + SCOPE, body);
        }
        if (answer.status() != 200 && answer.status() != 201) {
            throw refused(answer, "write variable " + key, value);
        }
        return next;
    }

    private StoreException refused(RestApi.Answer answer, String what, Secret value) {
        String why = switch (answer.status()) {
            case 400 -> "GitLab refused the variable (400)" + GitLabMessages.of(answer, value, api);
            case 401 -> "GitLab rejected the token (401): set GITLAB_TOKEN to a valid token with the api scope";
            case 403 -> "GitLab refused (403): the token's user needs the Maintainer role on " + project
                    + " and the token the api scope";
            case 404 -> "GitLab does not show " + project + " to this token (404): check the path and the token's access";
            default -> "GitLab answered HTTP " + answer.status() + (answer.status() >= 500 ? "; retry later" : "");
        };
        return new StoreException("could not " + what + " in gitlab://" + project + ": " + why);
    }
}
