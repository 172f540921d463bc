package dev.secretsprawl.migrate.store.github;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions secrets of a repository ({@code github://OWNER/REPO}) or of one of its environments
 * ({@code github://OWNER/REPO/ENV}), through the REST API (https://docs.github.com/en/rest/actions/secrets):
 * the value is sealed with the repository's or environment's public key ({@link SealedBox}) and PUT with that
 * key's id. GitHub secrets are write-only and keep no versions or metadata (the ledger keeps ours).
 *
 * <p>Versions: GitHub cannot compare and set, and only says when a secret was created and last updated. We
 * read a secret whose {@code updated_at} equals its {@code created_at} (or has none) as version 1, written
 * once, and one updated since as version 2, "written at least twice". A write checks first: expecting 0, the
 * secret must not exist; expecting 1, it must not have been updated since; expecting 2 or more, it must exist.
 * Between that check and the PUT another writer can still slip in: GitHub offers nothing to close that race.
 */
public final class GitHubActionsStore implements SecretStore {
    static final String DEFAULT_API = "https://api.github.com";
    /** GitHub's documented limit for one secret's value. */
    static final int MAX_VALUE_BYTES = 48 * 1024;

    private final RestApi api;
    private final GitHubTarget target;

    GitHubActionsStore(RestApi api, GitHubTarget target) {
        this.api = api;
        this.target = target;
    }

    /** Opens {@code github://} destinations with {@code GITHUB_TOKEN} (or {@code GH_TOKEN}) and {@code GITHUB_API_URL}. */
    public static final class Factory implements StoreFactory {
        @Override
        public String scheme() {
            return "github";
        }

        @Override
        public SecretStore open(Destination destination, Map<String, String> env) throws IOException {
            GitHubTarget target = GitHubTarget.of(destination);
            String token = first(env, "GITHUB_TOKEN", "GH_TOKEN");
            if (token.isEmpty()) {
                throw new StoreException("set GITHUB_TOKEN (or GH_TOKEN) to a token that may write the Actions secrets of "
                        + target.repository() + " (fine-grained: Secrets read and write; classic: repo scope)");
            }
            String api = first(env, "GITHUB_API_URL");
            URI base = URI.create(api.isEmpty() ? DEFAULT_API : api);
            return new GitHubActionsStore(new RestApi("GitHub", base, Map.of(
                    "Authorization", "Bearer " + token,
                    "Accept", "application/vnd.github+json",
                    "X-GitHub-Api-Version", "2022-11-28"), Duration.ofSeconds(30)), target);
        }

        private static String first(Map<String, String> env, String... names) {
            for (String name : names) {
                String v = env.get(name);
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
            return "";
        }
    }

    @Override
    public String describe() {
        return target.toString();
    }

    @Override
    public boolean readable() {
        return false;
    }

    @Override
    public String locate(String key) {
        return "${{ secrets." + key + " }} in " + target.repository()
                + target.environment().map(e -> " (environment " + e + ")").orElse("");
    }

    @Override
    public Optional<StoredValue> current(String key) throws IOException, InterruptedException {
        SecretNames.check(key);
        RestApi.Answer answer = api.send("GET", target.secretsPath() + "/" + key, null);
        return switch (answer.status()) {
            case 200 -> Optional.of(new StoredValue(versionOf(answer.json()), Optional.empty()));
            case 404 -> Optional.empty();
            default -> throw refused(answer, "read secret " + key);
        };
    }

    /** 1 when never updated after its creation, 2 when updated since: all that GitHub tells. */
    static int versionOf(JsonNode secret) {
        String created = secret.path("created_at").asText("");
        String updated = secret.path("updated_at").asText("");
        return updated.isEmpty() || updated.equals(created) ? 1 : 2;
    }

    @Override
    public Optional<Secret> version(String key, int version) {
        return Optional.empty();
    }

    /**
     * Checks, then writes: GitHub cannot compare and set, so EXPECTED_VERSION is checked against what
     * {@link #current} reads just before the PUT (see the class comment for the race this leaves). Metadata is
     * not kept: GitHub secrets have no field for it.
     */
    @Override
    public int write(String key, Secret value, StoreMetadata metadata, int expectedVersion)
            throws IOException, InterruptedException {
        SecretNames.check(key);
        byte[] plain = value.reveal().getBytes(StandardCharsets.UTF_8);
        if (plain.length > MAX_VALUE_BYTES) {
            throw new StoreException("the value of " + key + " is larger than GitHub's 48 KB limit for a secret");
        }
        int found = current(key).map(StoredValue::version).orElse(0);
        boolean fits = expectedVersion == 0 ? found == 0 : expectedVersion == 1 ? found == 1 : found >= 1;
        if (!fits) {
            throw new StoreConflictException(key, expectedVersion, found);
        }
        RepositoryKey publicKey = publicKey();
        ObjectNode body = RestApi.JSON.createObjectNode();
        body.put("encrypted_value", Base64.getEncoder().encodeToString(SealedBox.seal(plain, publicKey.bytes())));
        body.put("key_id", publicKey.id());
        RestApi.Answer answer = api.send("PUT", target.secretsPath() + "/" + key, body);
        if (answer.status() != 201 && answer.status() != 204) {
            throw refused(answer, "write secret " + key);
        }
        return expectedVersion + 1;
    }

    /** The public key GitHub seals this repository's or environment's secrets with. */
    record RepositoryKey(String id, byte[] bytes) {
    }

    private RepositoryKey publicKey() throws IOException, InterruptedException {
        RestApi.Answer answer = api.send("GET", target.secretsPath() + "/public-key", null);
        if (answer.status() != 200) {
            throw refused(answer, "read the public key of " + target);
        }
        String id = answer.json().path("key_id").asText("");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(answer.json().path("key").asText(""));
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (id.isEmpty() || bytes.length != SealedBox.KEY_BYTES) {
            throw new StoreException("GitHub answered the public key of " + target
                    + " without the documented key_id and 32-byte key; check GITHUB_API_URL points at the REST API");
        }
        return new RepositoryKey(id, bytes);
    }

    private StoreException refused(RestApi.Answer answer, String what) {
        String why = switch (answer.status()) {
            case 401 -> "GitHub rejected the token (401): set GITHUB_TOKEN to a valid token";
            case 403 -> "GitHub refused (403): the token needs the Secrets permission (read and write) on "
                    + target.repository() + ", or the classic repo scope";
            case 404 -> "GitHub does not show " + target + " to this token (404): check the owner, repository"
                    + (target.environment().isPresent() ? ", environment" : "") + " and the token's access";
            case 422 -> "GitHub refused the request as invalid (422)" + GitHubMessages.of(answer, api);
            default -> "GitHub answered HTTP " + answer.status() + GitHubMessages.of(answer, api)
                    + (answer.status() >= 500 ? "; retry later" : "");
        };
        return new StoreException("could not " + what + " in " + target + ": " + why);
    }
}
